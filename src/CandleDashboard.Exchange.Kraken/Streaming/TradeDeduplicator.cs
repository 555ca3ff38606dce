namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// Drops trades already delivered. Kraken's v2 <c>trade_id</c> is a sequence number per book, so
/// remembering the highest id per pair is enough: the snapshot a resubscribe sends (the last 50
/// trades) repeats what was delivered and adds only what was missed. Kept across reconnects; one writer.
/// </summary>
internal sealed class TradeDeduplicator
{
    private readonly long[] _lastIds;

    public TradeDeduplicator(int pairCount)
    {
        _lastIds = new long[pairCount];
        Array.Fill(_lastIds, long.MinValue);
    }

    /// <summary>True once any trade of the pair has been seen (delivered or seeded).</summary>
    public bool HasSeen(int pairIndex) => _lastIds[pairIndex] != long.MinValue;

    public bool TryAccept(int pairIndex, long tradeId)
    {
        ref var last = ref _lastIds[pairIndex];
        if (tradeId <= last)
        {
            return false;
        }

        last = tradeId;
        return true;
    }
}
