using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Health;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Api.Tests;

public sealed class FeedFreshnessCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FeedState.Live, 5, HealthStatus.Healthy, "Every trade feed is live.")]
    [InlineData(FeedState.Live, 31, HealthStatus.Unhealthy, "Binance: Trade feed is connected but silent for more than 30 s.")]
    [InlineData(FeedState.Reconnecting, 1, HealthStatus.Unhealthy, "Binance: Trade feed is Reconnecting.")]
    [InlineData(FeedState.Connecting, null, HealthStatus.Unhealthy, "Binance: Trade feed is Connecting.")]
    public async Task One_venue_is_ready_only_when_live_and_recent(FeedState state, int? secondsSinceLastMessage, HealthStatus expected, string description)
    {
        var binance = Exchange("binance", state, secondsSinceLastMessage);

        var result = await Check(binance).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        Assert.Equal(description, result.Description);
        Assert.Equal(state.ToString(), ((Dictionary<string, object>)result.Data["binance"])["state"]);
    }

    [Fact]
    public async Task One_venue_down_of_two_is_degraded_not_unready()
    {
        // An exchange outage is every instance's: the instance stays in the balancer for the venue still live.
        var result = await Check(Exchange("binance", FeedState.Live, 1), Exchange("kraken", FeedState.Reconnecting, null)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Kraken: Trade feed is Reconnecting.", result.Description);
        Assert.Equal("Live", ((Dictionary<string, object>)result.Data["binance"])["state"]);
    }

    [Fact]
    public async Task Every_venue_down_is_unhealthy()
    {
        var result = await Check(Exchange("binance", FeedState.Connecting, null), Exchange("kraken", FeedState.Live, 60)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Binance: Trade feed is Connecting. Kraken: Trade feed is connected but silent for more than 30 s.", result.Description);
    }

    private static StubExchange Exchange(string name, FeedState state, int? secondsSinceLastMessage) => new()
    {
        Name = name,
        Status = new FeedStatus(state, 0, 10, 0, secondsSinceLastMessage is { } s ? Now.AddSeconds(-s) : null),
    };

    private static FeedFreshnessCheck Check(params StubExchange[] exchanges) => new(
        new VenueDirectory([.. exchanges.Select((e, k) => TestVenue.Create(id: e.Name, isDefault: k == 0, exchange: e))]),
        new FixedClock(Now),
        Microsoft.Extensions.Options.Options.Create(new HealthOptions()));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
