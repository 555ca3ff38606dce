using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Api.Tests;

public sealed class FeedFreshnessCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FeedState.Live, 5, HealthStatus.Healthy, "Trade feed is live.")]
    [InlineData(FeedState.Live, 31, HealthStatus.Unhealthy, "Trade feed is connected but silent for more than 30 s.")]
    [InlineData(FeedState.Reconnecting, 1, HealthStatus.Unhealthy, "Trade feed is Reconnecting.")]
    [InlineData(FeedState.Connecting, null, HealthStatus.Unhealthy, "Trade feed is Connecting.")]
    public async Task Ready_only_when_live_and_recent(FeedState state, int? secondsSinceLastMessage, HealthStatus expected, string description)
    {
        var status = new FeedStatus(state, 0, 10, 0, secondsSinceLastMessage is { } s ? Now.AddSeconds(-s) : null);
        var check = new FeedFreshnessCheck(new StubExchange(new StubFeed(status)), new FixedClock(Now), Microsoft.Extensions.Options.Options.Create(new HealthOptions()));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        Assert.Equal(description, result.Description);
        Assert.Equal(state.ToString(), result.Data["state"]);
    }

    private sealed class StubFeed(FeedStatus status) : ITradeFeed
    {
        public FeedStatus Status => status;

        public Task RunAsync(IReadOnlyCollection<string> symbols, ITradeSink sink, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StubExchange(ITradeFeed trades) : IExchange
    {
        public string Name => "stub";

        public ITradeFeed Trades => trades;

        public IKlineSource Klines => throw new NotSupportedException();

        public ISymbolDirectory Symbols => throw new NotSupportedException();

        public IServerTime ServerTime => throw new NotSupportedException();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
