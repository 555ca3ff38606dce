using CandleDashboard.Core.Market;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// One series shown in one chart, from subscribe to dispose: its subscriptions (live candles,
/// data_updated), the updates waiting for the browser, and the server's view of the drawn series.
/// Switching exchange, symbol or interval disposes the session and starts a new one, so nothing of the old
/// series (handler, pending updates, in-flight history request) can leak into the new one.
/// </summary>
public sealed class ChartSession : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private int _disposed;

    public ChartSession(Venue venue, string symbol, Interval interval, int maxCandles)
    {
        Venue = venue;
        Symbol = symbol;
        Interval = interval;
        Series = new ChartSeries(maxCandles);
    }

    /// <summary>The exchange the series is on: its live candles, history and indicators are the session's sources.</summary>
    public Venue Venue { get; }

    public string Symbol { get; }

    public Interval Interval { get; }

    public ChartSeries Series { get; }

    /// <summary>Held until the chart is drawn: updates that arrive during the history load are applied after it.</summary>
    public PendingCandles Pending { get; } = new(startHeld: true);

    /// <summary>The indicators shown on this series (set once the chart is drawn; disposed with the session).</summary>
    public ChartIndicatorSession? Indicators { get; set; }

    /// <summary>True once the browser shows this series; live updates wait until then.</summary>
    public bool IsDrawn { get; set; }

    public CancellationToken Cancellation => _cancellation.Token;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Takes ownership of a subscription (disposed with the session).</summary>
    public void Attach(IDisposable subscription)
    {
        lock (_gate)
        {
            if (!IsDisposed)
            {
                _subscriptions.Add(subscription);
                return;
            }
        }

        subscription.Dispose(); // lost a race with Dispose: do not leak the handler
    }

    /// <summary>Unsubscribes and cancels the history load. Idempotent, callable from any thread.</summary>
    public void Dispose()
    {
        IDisposable[] subscriptions;
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
