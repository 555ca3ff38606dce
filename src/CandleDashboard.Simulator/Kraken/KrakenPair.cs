using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// One listed Kraken pair: its names, its <see cref="SymbolMarket"/> (the OHLC, one series per Kraken
/// interval, the same aggregation as Binance's klines) and its trade list for the Trades endpoint and the
/// v2 snapshot. Recording and reading meet under one lock; the tape also broadcasts under it, so a v2
/// snapshot and the updates after it neither miss nor repeat a trade.
/// </summary>
internal sealed class KrakenPair(KrakenPairProfile profile, SymbolMarket market, int maxTrades)
{
    private readonly List<KrakenTrade> _trades = [];
    private readonly int _maxTrades = Math.Max(10_000, maxTrades);

    public KrakenPairProfile Profile { get; } = profile;

    public SymbolMarket Market { get; } = market;

    /// <summary>Held while a trade is recorded and broadcast, and while a subscriber joins (snapshot + registration).</summary>
    public object Gate { get; } = new();

    /// <summary>Records a trade; caller holds <see cref="Gate"/> when it must be atomic with a broadcast.</summary>
    public void Record(in KrakenTrade trade)
    {
        lock (Gate)
        {
            Market.Record(trade.Trade);
            _trades.Add(trade);
            if (_trades.Count > _maxTrades)
            {
                _trades.RemoveRange(0, _maxTrades / 10);
            }
        }
    }

    public void RecordHistory(IReadOnlyList<KrakenTrade> trades)
    {
        lock (Gate)
        {
            Market.RecordAll(trades.Select(t => t.Trade).ToList());
            _trades.AddRange(trades);
            if (_trades.Count > _maxTrades)
            {
                _trades.RemoveRange(0, _trades.Count - _maxTrades);
            }
        }
    }

    /// <summary>The newest <paramref name="count"/> trades, oldest first.</summary>
    public List<KrakenTrade> Newest(int count)
    {
        lock (Gate)
        {
            var start = Math.Max(0, _trades.Count - count);
            return _trades.GetRange(start, _trades.Count - start);
        }
    }

    /// <summary>
    /// One page of the Trades endpoint: trades after <paramref name="afterNs"/> (exclusive), or from
    /// <paramref name="fromNs"/> (inclusive), or without either the newest; at most <paramref name="count"/>,
    /// except that trades sharing one timestamp are never split across pages (the cursor is a time, so a split
    /// group would lose its tail): a page ends before such a group, or takes all of it when the group starts it.
    /// </summary>
    public List<KrakenTrade> Page(long? afterNs, long? fromNs, int count)
    {
        lock (Gate)
        {
            int start;
            if (afterNs is { } after)
            {
                start = FirstIndex(t => t > after);
            }
            else if (fromNs is { } from)
            {
                start = FirstIndex(t => t >= from);
            }
            else
            {
                start = Math.Max(0, _trades.Count - count);
                while (start > 0 && start < _trades.Count && _trades[start - 1].TimeNs == _trades[start].TimeNs)
                {
                    start++; // the newest page begins at a whole timestamp too
                }
            }

            var end = Math.Min(_trades.Count, start + count);
            if (end < _trades.Count && end > start && _trades[end].TimeNs == _trades[end - 1].TimeNs)
            {
                var groupStart = end - 1;
                while (groupStart > start && _trades[groupStart - 1].TimeNs == _trades[end].TimeNs)
                {
                    groupStart--;
                }

                if (groupStart > start)
                {
                    end = groupStart;
                }
                else
                {
                    while (end < _trades.Count && _trades[end].TimeNs == _trades[start].TimeNs)
                    {
                        end++;
                    }
                }
            }

            return _trades.GetRange(start, end - start);
        }
    }

    /// <summary>Binary search over the (time-ordered) list: the first index whose time satisfies <paramref name="after"/>.</summary>
    private int FirstIndex(Func<long, bool> after)
    {
        int lo = 0, hi = _trades.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (after(_trades[mid].TimeNs))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
