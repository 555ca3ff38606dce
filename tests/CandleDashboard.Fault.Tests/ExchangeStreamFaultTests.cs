using System.Diagnostics;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Integration.Tests;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Fault.Tests;

/// <summary>The exchange's trade stream killed again and again (no close handshake, as a network drop).</summary>
public sealed class ExchangeStreamFaultTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>How soon live trades must flow again after each drop (the issue's figure).</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Live_trades_resume_within_two_seconds_of_every_drop_and_official_candles_stay_exact()
    {
        var drops = Soak.Count(8, 20); // soak: one drop every 30 s for 10 minutes
        var between = Soak.Duration(TimeSpan.Zero, TimeSpan.FromSeconds(30));
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres));
        await using var health = new HealthWatch(app.BaseAddress);
        var feed = app.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Trades;
        await Eventually.ReachesAsync(() => feed.Status, s => s.State == FeedState.Live && s.TradesReceived > 0, Patience, "live trades");

        var resumeTimes = new List<TimeSpan>();
        for (var i = 0; i < drops; i++)
        {
            await Task.Delay(between);
            var before = feed.Status.TradesReceived;
            await exchange.DisconnectAllAsync();
            var watch = Stopwatch.StartNew();
            await Eventually.ReachesAsync(() => feed.Status, s => s.State == FeedState.Live && s.TradesReceived > before + 5, Patience, $"trades after drop {i + 1}");
            resumeTimes.Add(watch.Elapsed);
        }

        var status = feed.Status;
        Assert.Equal(drops, status.ReconnectCount);
        Assert.All(resumeTimes, t => Assert.True(t < ResumeWithin, $"live resumed after {t.TotalMilliseconds:0} ms: {string.Join(", ", resumeTimes.Select(r => $"{r.TotalMilliseconds:0}"))}"));
        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri);
        health.AssertAnsweredThroughout();
    }
}
