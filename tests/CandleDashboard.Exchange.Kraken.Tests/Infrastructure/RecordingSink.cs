using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>Keeps every trade the feed delivers.</summary>
public sealed class RecordingSink : ITradeSink
{
    private readonly Lock _gate = new();
    private readonly List<Trade> _trades = [];

    public void OnTrade(in Trade trade)
    {
        lock (_gate)
        {
            _trades.Add(trade);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _trades.Count;
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
}
