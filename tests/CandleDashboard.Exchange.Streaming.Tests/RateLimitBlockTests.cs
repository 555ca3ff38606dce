using CandleDashboard.Core.Exchange;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class RateLimitBlockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_block_refuses_with_the_time_left_until_it_passes()
    {
        var block = new RateLimitBlock(_time, "kraken");
        block.ThrowIfBlocked(); // nothing blocked yet: the request may go
        block.Block(TimeSpan.FromSeconds(60));
        _time.Advance(TimeSpan.FromSeconds(15));

        var refused = Assert.Throws<ExchangeRateLimitException>(block.ThrowIfBlocked);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);
        Assert.False(refused.IsBanned);
        Assert.Equal("kraken", refused.Exchange);

        _time.Advance(TimeSpan.FromSeconds(45));
        block.ThrowIfBlocked();
    }

    [Fact]
    public void A_shorter_block_does_not_cut_a_longer_one_short()
    {
        var block = new RateLimitBlock(_time, "binance");
        block.Block(TimeSpan.FromSeconds(60));
        block.Block(TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(50), Assert.Throws<ExchangeRateLimitException>(block.ThrowIfBlocked).RetryAfter);
    }
}
