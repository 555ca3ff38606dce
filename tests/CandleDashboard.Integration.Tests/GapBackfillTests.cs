using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Exchange.Binance;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// The fetcher against the simulator's REST klines, real PostgreSQL and real Redis. The fetcher's
/// clock is fake and stands in the simulator's generated past, so "the app was down for ten
/// minutes" is exact: ten minutes pass on that clock between two runs.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class GapBackfillTests(StoresFixture stores)
{
    [Fact]
    public async Task After_ten_minutes_down_the_fetcher_backfills_exactly_the_missing_candles_with_no_duplicates()
    {
        var postgresConnection = await stores.FreshStoresAsync();
        await using var services = new ServiceCollection().AddLogging().AddPostgresStorage(postgresConnection).BuildServiceProvider();
        await services.GetRequiredService<PostgresMigrator>().MigrateAsync(CancellationToken.None);
        ICandleStore postgres = services.GetRequiredService<PostgresCandleStore>();
        var mux = await RedisConnector.ConnectAsync(stores.Redis.ConnectionString);
        try
        {
            ICandleStore redis = new RedisCandleStore(mux);
            var bus = new RedisDataUpdatedBus(mux);

            // Half a minute past a minute boundary, 20 minutes before the simulator's history ends.
            var start = Interval.OneMinute.Floor(stores.ExchangeStartedAt.AddMinutes(-20).ToUnixTimeMilliseconds()) + 30_000;
            var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(start));
            using var http = new HttpClient();
            var exchange = new BinanceRestClient(
                http,
                Microsoft.Extensions.Options.Options.Create(new BinanceOptions { RestBaseUri = stores.Exchange.RestBaseUri, WebSocketBaseUri = stores.Exchange.WebSocketBaseUri }),
                clock,
                NullLogger<BinanceRestClient>.Instance);
            var fetcher = new OfficialKlineFetcher(
                exchange,
                [postgres, redis],
                bus,
                new FetcherOptions { Symbols = ["BTCUSDT"], Intervals = [Interval.FifteenSeconds, Interval.OneMinute], InitialCandles = 30 },
                clock);

            var first = await fetcher.RunOnceAsync(CancellationToken.None);
            var firstMinute = Assert.Single(first, m => m.Interval == "1m");
            Assert.Equal(30, firstMinute.Count);

            clock.Advance(TimeSpan.FromMinutes(10));
            var second = await fetcher.RunOnceAsync(CancellationToken.None);

            var minute = Assert.Single(second, m => m.Interval == "1m");
            Assert.Equal(
                new DataUpdated("binance", "BTCUSDT", "1m", firstMinute.To + 60_000, firstMinute.To + (10 * 60_000), 10),
                minute);
            Assert.Equal(40, Assert.Single(second, m => m.Interval == "15s").Count);

            var series = new SeriesKey("binance", "BTCUSDT", Interval.OneMinute);
            foreach (var store in new[] { postgres, redis })
            {
                var all = await store.GetRecentAsync(series, 1000, CancellationToken.None);
                Assert.Equal(40, all.Count);
                Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(p.First.OpenTime + 60_000, p.Second.OpenTime));
                Assert.All(all, c => Assert.Equal((CandleSource.Official, true), (c.Source, c.IsClosed)));
                Assert.Equal(new SeriesMetadata(firstMinute.From, minute.To, 40), await store.GetMetadataAsync(series, CancellationToken.None));
            }

            // The candles are the exchange's: the last one equals what its REST API serves for that minute.
            var official = await exchange.GetKlinesAsync("BTCUSDT", Interval.OneMinute, minute.To, minute.To, 1, CancellationToken.None);
            Assert.Equal(official[0], (await postgres.GetRangeAsync(series, minute.To, minute.To, CancellationToken.None))[0]);
        }
        finally
        {
            await mux.DisposeAsync();
        }
    }
}
