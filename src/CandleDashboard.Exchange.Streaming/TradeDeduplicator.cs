namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// Drops trades already delivered. Both exchanges number trades upward per symbol (Binance's trade
/// and aggregate ids, Kraken's v2 <c>trade_id</c> per book), so remembering the highest id per
/// symbol is enough to deliver each trade once when a reconnect repeats the last ones (Binance's new
/// stream overlapping the old, Kraken's resubscribe snapshot). Kept across reconnects; one writer.
/// </summary>
public sealed class TradeDeduplicator
{
    private readonly long[] _lastIds;

    /// <param name="symbolCount">How many symbols the feed carries; they are addressed by index 0..count-1.</param>
    public TradeDeduplicator(int symbolCount)
    {
        _lastIds = new long[symbolCount];
        Array.Fill(_lastIds, long.MinValue);
    }

    /// <summary>True once any trade of the symbol has been accepted (delivered or only seeded).</summary>
    public bool HasSeen(int symbolIndex) => _lastIds[symbolIndex] != long.MinValue;

    /// <summary>True (and remembered) if <paramref name="tradeId"/> is newer than anything seen for the symbol.</summary>
    public bool TryAccept(int symbolIndex, long tradeId)
    {
        ref var last = ref _lastIds[symbolIndex];
        if (tradeId <= last)
        {
            return false;
        }

        last = tradeId;
        return true;
    }
}
