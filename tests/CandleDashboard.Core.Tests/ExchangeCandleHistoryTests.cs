using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

public class ExchangeCandleHistoryTests
{
    /// <summary>An in-memory exchange of 1s and 1m klines with a page cap, recording its requests.</summary>
    private sealed class PagedKlines(long now) : IKlineSource
    {
        public List<(Interval Interval, long? Start, long? End, int Limit)> Requests { get; } = [];

        public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneSecond, Interval.OneMinute];

        public int MaxKlinesPerRequest => 1000;

        public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            Requests.Add((interval, startTime, endTime, limit));
            Assert.InRange(limit, 1, 1000);
            var last = interval.Floor(Math.Min(endTime ?? now, now));
            var first = Math.Max(interval.Floor(startTime ?? long.MinValue / 2), last - ((limit - 1) * interval.Milliseconds));
            var page = new List<Candle>();
            for (var t = first; t <= last; t += interval.Milliseconds)
            {
                // Price = seconds since midnight, so every value is checkable; every 5th second is empty.
                var price = (t - Midnight) / 1000m;
                var traded = (t / 1000) % 5 != 0;
                page.Add(new Candle(t, price, price + 0.5m, price - 0.5m, price + 0.25m, traded ? 1m : 0m, traded ? price : 0m, traded ? 2 : 0, t + interval.Milliseconds <= now, CandleSource.Official));
            }

            return Task.FromResult<IReadOnlyList<Candle>>(page);
        }
    }

    private const long Now = Midnight + 7_200_000 + 7_500; // 02:00:07.5

    [Fact]
    public async Task An_exchange_interval_is_fetched_directly_paging_backwards_past_the_cap()
    {
        var exchange = new PagedKlines(Now);
        var history = new ExchangeCandleHistory(exchange, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now)));

        var candles = await history.GetRecentAsync("BTCUSDT", Interval.OneSecond, 2500, CancellationToken.None);

        Assert.Equal(2500, candles.Count);
        Assert.Equal(3, exchange.Requests.Count);
        Assert.Equal(Interval.OneSecond.Floor(Now), candles[^1].OpenTime);
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(p.First.OpenTime + 1000, p.Second.OpenTime));
    }

    [Fact]
    public async Task Fifteen_second_candles_are_resampled_from_one_second_klines()
    {
        var exchange = new PagedKlines(Now);
        var history = new ExchangeCandleHistory(exchange, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now)));

        var candles = await history.GetRecentAsync("BTCUSDT", Interval.FifteenSeconds, 300, CancellationToken.None);

        Assert.Equal(300, candles.Count);
        Assert.All(exchange.Requests, r => Assert.Equal(Interval.OneSecond, r.Interval));
        var forming = candles[^1];
        Assert.Equal(Midnight + 7_200_000, forming.OpenTime);
        Assert.False(forming.IsClosed);

        // 01:59:45 .. 01:59:59: first second (…:45, divisible by 5) is empty, so the open comes from :46.
        var c = candles[^2];
        var s = (c.OpenTime - Midnight) / 1000m;
        Assert.True(c.IsClosed);
        Assert.Equal(s + 1, c.Open);
        Assert.Equal(s + 14 + 0.5m, c.High);
        Assert.Equal(s + 1 - 0.5m, c.Low);
        Assert.Equal(s + 14 + 0.25m, c.Close);
        Assert.Equal(12m, c.Volume);
        Assert.Equal(24, c.TradeCount);
    }
}
