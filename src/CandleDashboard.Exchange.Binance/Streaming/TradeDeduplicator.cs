namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// Drops trades already delivered. Binance trade ids (and aggregate ids) increase per symbol, so
/// remembering the highest id per symbol is enough to make a reconnect, whose new stream may repeat
/// the last trades of the old one, deliver each trade once. Kept across reconnects; one writer.
/// </summary>
public sealed class TradeDeduplicator
{
    private readonly long[] _lastIds;

    public TradeDeduplicator(int symbolCount)
    {
        _lastIds = new long[symbolCount];
        Array.Fill(_lastIds, long.MinValue);
    }

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
