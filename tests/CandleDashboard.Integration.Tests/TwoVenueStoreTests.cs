using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// Both exchanges at once against real Redis and PostgreSQL (issue 11): each venue's fetcher commits its
/// own official candles under its own name, both stores agree, and nothing crosses from one to the other.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class TwoVenueStoreTests(StoresFixture stores)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_exchange_commits_its_own_official_candles_to_both_stores_apart()
    {
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(
            postgres,
            "--Dashboard:Exchanges:0:Name=binance",
            "--Dashboard:Exchanges:1:Name=kraken",
            // Intervals Kraken serves from OHLC: its trade-built ones are tested apart, and with about a call
            // a second they would only make this test wait.
            "--Dashboard:Intervals:0=1m",
            "--Dashboard:Intervals:1=5m",
            $"--Exchange:Kraken:RestBaseUri={stores.Exchange.KrakenRestBaseUri}",
            $"--Exchange:Kraken:WebSocketUri={stores.Exchange.KrakenWebSocketUri}"));
        var venues = app.Services.GetRequiredService<VenueDirectory>();
        var redis = app.Services.GetRequiredService<RedisCandleStore>();
        var pg = app.Services.GetRequiredService<PostgresCandleStore>();

        foreach (var (venue, symbol) in new[] { (venues.Get("binance"), "BTCUSDT"), (venues.Get("kraken"), "BTCUSD") })
        {
            var key = new SeriesKey(venue.Exchange.Name, symbol, Interval.OneMinute);
            var committed = await Eventually.ReachesAsync(
                () => pg.GetRecentAsync(key, 100, CancellationToken.None), c => c.Count == 100, Patience, $"{key}: 100 official candles in PostgreSQL");

            // Redis holds the same candles, and they are the exchange's own klines of that range.
            var hot = await redis.GetRangeAsync(key, committed[0].OpenTime, committed[^1].OpenTime, CancellationToken.None);
            Assert.Equal(committed.Select(Fields), hot.Select(Fields));
            var exchange = await venue.Exchange.Klines.GetKlinesAsync(symbol, Interval.OneMinute, committed[0].OpenTime, committed[^1].OpenTime, committed.Count, CancellationToken.None);
            Assert.Equal(exchange.Select(Fields), committed.Select(Fields));
            Assert.All(committed, c => Assert.True(c.Source.IsOfficial(), $"{key} {c.OpenTime} is {c.Source}"));
        }

        // Nothing crossed: each venue's symbol is absent under the other's name, in both stores.
        foreach (var store in new ICandleStore[] { pg, redis })
        {
            Assert.Empty(await store.GetRecentAsync(new SeriesKey("binance", "BTCUSD", Interval.OneMinute), 10, CancellationToken.None));
            Assert.Empty(await store.GetRecentAsync(new SeriesKey("kraken", "BTCUSDT", Interval.OneMinute), 10, CancellationToken.None));
        }
    }

    // What an official candle is, without the closed flag the stores do not keep.
    private static (long, decimal, decimal, decimal, decimal, decimal, long) Fields(Candle c) =>
        (c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount);
}
