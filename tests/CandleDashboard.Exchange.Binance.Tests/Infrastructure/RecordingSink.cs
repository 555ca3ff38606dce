using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>Keeps every trade and lets a test await a condition over them without sleeping.</summary>
public sealed class RecordingSink : ITradeSink
{
    private readonly object _gate = new();
    private readonly List<Trade> _trades = [];
    private readonly List<(Func<IReadOnlyList<Trade>, bool> Predicate, TaskCompletionSource Done)> _waiters = [];

    public void OnTrade(in Trade trade)
    {
        lock (_gate)
        {
            _trades.Add(trade);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(_trades))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public List<Trade> Snapshot()
    {
        lock (_gate)
        {
            return [.. _trades];
        }
    }

    /// <summary>Completes when <paramref name="predicate"/> holds for the trades so far; fails after the timeout.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<Trade>, bool> predicate, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (predicate(_trades))
            {
                return;
            }

            _waiters.Add((predicate, done));
        }

        await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }
}
