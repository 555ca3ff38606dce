using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Storage.Postgres.Tests;

/// <summary>
/// The rollup as a history tier: a scroll-back page of a coarser interval whose own rows are missing is
/// served from the stored minutes, equal to the resampler, without asking the exchange.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollupTierTests(PostgresFixture fixture)
{
    private static readonly SeriesKey Minutes = Candles.BtcMinute;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_page_of_hours_comes_from_the_minutes_when_the_hour_rows_are_missing()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = RollupTests.RandomWalk(6 * 60, seed: 5);
        await db.Store.UpsertAsync(Minutes, minutes, None);
        var exchange = new RefusingKlines();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(minutes[^1].OpenTime + 3_600_000));
        var history = new TieredCandleHistory(
            [db.Store, new PostgresRollupTier(db.Store)],
            new ExchangeCandleHistory(exchange, clock),
            clock,
            new TieredHistoryOptions { Exchange = Minutes.Exchange });

        var page = await history.LoadBeforeAsync(Minutes.Symbol, Interval.OneHour, minutes[^1].OpenTime + 60_000, 4, None);

        var expected = CandleResampler.Resample(minutes, Interval.OneHour, now: long.MaxValue);
        Assert.Equal("postgres-rollup", page.Source);
        Assert.Equal(expected[^4..], page.Candles);
        Assert.Equal(0, exchange.Requests);
        // The tier before it now holds the page: the next read is PostgreSQL's own.
        var hours = new SeriesKey(Minutes.Exchange, Minutes.Symbol, Interval.OneHour);
        Assert.Equal(expected[^4..], await db.Store.GetRangeAsync(hours, expected[^4].OpenTime, expected[^1].OpenTime, None));
    }

    [Fact]
    public async Task It_answers_ranges_of_whole_minute_multiples_only_and_never_the_newest_or_a_write()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var minutes = RollupTests.RandomWalk(30, seed: 9);
        await db.Store.UpsertAsync(Minutes, minutes, None);
        var tier = new PostgresRollupTier(db.Store);
        var fives = new SeriesKey(Minutes.Exchange, Minutes.Symbol, Interval.FiveMinutes);

        Assert.Equal(6, (await tier.GetRangeAsync(fives, minutes[0].OpenTime, minutes[^1].OpenTime, None)).Count);
        Assert.Empty(await tier.GetRangeAsync(Minutes, minutes[0].OpenTime, minutes[^1].OpenTime, None));
        Assert.Empty(await tier.GetRangeAsync(new SeriesKey(Minutes.Exchange, Minutes.Symbol, Interval.FifteenSeconds), minutes[0].OpenTime, minutes[^1].OpenTime, None));
        Assert.Empty(await tier.GetRecentAsync(fives, 6, None));
        Assert.Null(await tier.GetMetadataAsync(fives, None));

        await tier.UpsertAsync(fives, [minutes[0] with { Close = 1m }], None);
        Assert.Empty(await db.Store.GetRangeAsync(fives, minutes[0].OpenTime, minutes[^1].OpenTime, None));
    }

    /// <summary>An exchange that must not be asked: the stores have the page.</summary>
    private sealed class RefusingKlines : IKlineSource
    {
        public int Requests { get; private set; }

        public IReadOnlyList<Interval> SupportedIntervals => Interval.All;

        public int MaxKlinesPerRequest => 1000;

        public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            Requests++;
            throw new ExchangeUnavailableException("test", "the exchange was asked");
        }
    }
}
