namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class TradeDeduplicatorTests
{
    [Fact]
    public void Accepts_only_increasing_ids_per_symbol()
    {
        var dedup = new TradeDeduplicator(2);

        Assert.True(dedup.TryAccept(0, 0));
        Assert.True(dedup.TryAccept(0, 5));
        Assert.False(dedup.TryAccept(0, 5));
        Assert.False(dedup.TryAccept(0, 3));
        Assert.True(dedup.TryAccept(1, 3)); // symbols are independent
        Assert.True(dedup.TryAccept(0, 6));
    }

    [Fact]
    public void A_symbol_is_seen_once_a_trade_of_it_was_accepted()
    {
        var dedup = new TradeDeduplicator(2);

        Assert.False(dedup.HasSeen(0));
        Assert.True(dedup.TryAccept(0, 42));
        Assert.True(dedup.HasSeen(0));
        Assert.False(dedup.HasSeen(1));
        Assert.False(dedup.TryAccept(0, 41));
        Assert.True(dedup.HasSeen(0));
    }
}
