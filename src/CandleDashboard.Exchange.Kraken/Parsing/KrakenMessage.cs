using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// The outcome of parsing one message, reused by the feed for every message so the trade path does
/// not allocate: the trades list keeps its capacity, symbols are the subscribed pairs' shared strings.
/// </summary>
public sealed class KrakenMessage
{
    private readonly List<Trade> _trades = [];
    private readonly List<int> _symbolIndexes = [];

    public KrakenMessageKind Kind { get; internal set; }

    /// <summary>For <see cref="KrakenMessageKind.Trades"/>: a snapshot (true) or an update.</summary>
    public bool IsSnapshot { get; internal set; }

    /// <summary>The subscribed symbols' trades of a trade message, in message order.</summary>
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>Index in the subscription's pair table of each of <see cref="Trades"/>.</summary>
    public IReadOnlyList<int> SymbolIndexes => _symbolIndexes;

    /// <summary>Trades of the message that could not be used (missing or non-positive fields); counted, skipped.</summary>
    public int BadTrades { get; internal set; }

    /// <summary>Acks: whether Kraken accepted the request.</summary>
    public bool Success { get; internal set; }

    /// <summary>Acks: the pair's WebSocket name, when Kraken named it.</summary>
    public string? Symbol { get; internal set; }

    /// <summary>Why a request failed, or why a message was skipped or malformed (a constant then).</summary>
    public string? Detail { get; internal set; }

    /// <summary>Status: Kraken's <c>system</c> value (<c>online</c>, <c>maintenance</c>, <c>cancel_only</c>, <c>post_only</c>).</summary>
    public string? SystemStatus { get; internal set; }

    internal void Reset()
    {
        Kind = KrakenMessageKind.Skipped;
        IsSnapshot = false;
        _trades.Clear();
        _symbolIndexes.Clear();
        BadTrades = 0;
        Success = false;
        Symbol = null;
        Detail = null;
        SystemStatus = null;
    }

    internal void AddTrade(in Trade trade, int symbolIndex)
    {
        _trades.Add(trade);
        _symbolIndexes.Add(symbolIndex);
    }

    /// <summary>Orders the trades by id within each symbol (a snapshot's order is not promised; dedupe needs ascending ids).</summary>
    internal void SortTradesById()
    {
        for (var i = 1; i < _trades.Count; i++)
        {
            var trade = _trades[i];
            var index = _symbolIndexes[i];
            var j = i - 1;
            while (j >= 0 && _symbolIndexes[j] == index && _trades[j].TradeId > trade.TradeId)
            {
                _trades[j + 1] = _trades[j];
                _symbolIndexes[j + 1] = _symbolIndexes[j];
                j--;
            }

            _trades[j + 1] = trade;
            _symbolIndexes[j + 1] = index;
        }
    }
}
