using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Integration.Tests;

/// <summary>The forming candle written to the Redis live key continues after a restart instead of starting over.</summary>
[Collection(StoresCollection.Name)]
public sealed class LiveCandleResumeTests(StoresFixture stores)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_restart_the_forming_candle_resumes_from_the_live_key()
    {
        var postgres = await stores.FreshStoresAsync();
        // A day: the bucket cannot end while the test runs (unless it straddles midnight UTC).
        var series = new SeriesKey("binance", "BTCUSDT", Interval.OneDay);
        Candle saved;
        await using (var first = await AppInstance.StartAsync(stores.AppArgs(postgres, "--Persistence:FetchOfficialKlines=false")))
        {
            var store = first.Services.GetRequiredService<ILiveCandleStore>();
            await Eventually.ReachesAsync(async () => await store.GetAsync(series, CancellationToken.None), c => c is { TradeCount: >= 20 }, Patience, "a forming 1d candle with trades in the live key");
        }

        // Stopping flushed the newest forming candle to the key: that is what the next start finds.
        using (var redis = await ConnectionMultiplexer.ConnectAsync(stores.Redis.ConnectionString))
        {
            saved = (await new RedisLiveCandleStore(redis, TimeSpan.FromHours(1)).GetAsync(series, CancellationToken.None))!.Value;
        }

        await using var second = await AppInstance.StartAsync(stores.AppArgs(postgres, "--Persistence:FetchOfficialKlines=false"));
        var live = second.Services.GetRequiredService<VenueDirectory>().Default.Live;
        var resumed = await Eventually.ReachesAsync(
            () => live.TryGetForming("BTCUSDT", Interval.OneDay, out var c) ? c : (Candle?)null,
            c => c is { } f && f.TradeCount > saved.TradeCount,
            Patience,
            "the restarted instance's forming 1d candle past the saved one");

        var forming = resumed!.Value;
        Assert.Equal(saved.OpenTime, forming.OpenTime);
        Assert.Equal(saved.Open, forming.Open); // the bucket's first trade happened before the restart
        Assert.True(forming.High >= saved.High && forming.Low <= saved.Low);
        Assert.True(forming.Volume > saved.Volume);
        // Only the trades after the restart were added to what was saved (none counted twice).
        var accepted = second.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Trades.Status.TradesReceived;
        Assert.InRange(forming.TradeCount - saved.TradeCount, 1, accepted);
    }
}
