using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Integration.Tests;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// The exchange's clock 5 s ahead of and behind the host's. Closing buckets and deciding that a kline
/// is closed follow the exchange's clock, so no forming kline is stored as official (it would stay
/// wrong for good: nothing refetches a stored candle) and no good trade is refused.
/// </summary>
public sealed class ClockSkewTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(5)]
    [InlineData(-5)]
    public async Task A_skewed_host_clock_stores_no_forming_kline_and_rejects_no_trade(int exchangeAheadSeconds)
    {
        var exchangeClock = new SkewedClock(TimeSpan.FromSeconds(exchangeAheadSeconds));
        await using var exchange = await FaultFixture.StartExchangeAsync(exchangeClock);
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres));
        await using var health = new HealthWatch(app.BaseAddress);

        var clock = app.Services.GetRequiredService<ExchangeClock>();
        await clock.Synchronized.WaitAsync(Patience);
        Assert.InRange(clock.Offset.TotalSeconds, exchangeAheadSeconds - 0.5, exchangeAheadSeconds + 0.5);

        // Two 15 s buckets close and are committed while the clocks disagree.
        var fetcher = app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher;
        var first = await FaultFixture.CleanFirstFetchAsync(app);
        await Eventually.ReachesAsync(() => fetcher.Status, s => s.LastRunAt >= first.LastRunAt + TimeSpan.FromSeconds(30), Patience, "runs over two more buckets");

        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri, exchangeClock);
        var live = app.Services.GetRequiredService<VenueDirectory>().Default.Feed;
        foreach (var symbol in FaultFixture.Symbols)
        {
            var activity = live.GetActivity(symbol);
            Assert.NotNull(activity);
            Assert.True(activity.AcceptedTrades > 0, $"{symbol}: no trade accepted");
            Assert.Equal(0, activity.RejectedTrades);
        }

        health.AssertAnsweredThroughout();
    }

    private sealed class SkewedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
