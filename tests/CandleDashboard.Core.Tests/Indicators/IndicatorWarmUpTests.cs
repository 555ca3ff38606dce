using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests.Indicators;

public sealed class IndicatorWarmUpTests
{
    [Theory]
    [InlineData("sma(200)", "1m", 0, 200)]
    [InlineData("rsi(14)", "1h", 0, 15)]
    [InlineData("macd(12,26,9)", "1m", 0, 34)]
    [InlineData("macd(fast=500,slow=1000,signal=1000)", "1m", 0, 1999)]
    [InlineData("avwap", "1m", 1_800_000, 0)]
    [InlineData("vwap", "1m", 1_800_000, 30)] // the session so far: 00:00 to 00:30
    [InlineData("vwap", "1d", 0, 0)] // a 1d candle is a session of its own
    [InlineData("vwap", "1s", 43_200_000, IndicatorWarmUp.MaxCandles)] // half a day of seconds: capped
    public void Candles_before_the_first_drawn_one(string spec, string interval, long sinceMidnight, int expected)
    {
        Assert.True(Interval.TryParse(interval, out var parsed));
        Assert.Equal(expected, IndicatorWarmUp.CandlesBefore(IndicatorSpec.Parse(spec), parsed, Midnight + sinceMidnight));
    }

    [Fact]
    public async Task A_warm_up_longer_than_a_page_is_read_in_pages_and_the_values_equal_a_computation_over_everything()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + (3 * 86_400_000L) + 10_000));
        var exchange = new FakeExchange(clock);
        var history = new TieredCandleHistory([new InMemoryCandleStore()], new ExchangeCandleHistory(exchange, clock), clock, new TieredHistoryOptions());
        var spec = IndicatorSpec.Parse("macd(fast=500,slow=1000,signal=1000)");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var first = Interval.OneMinute.Floor(now) - (10 * 60_000L);
        var drawn = Enumerable.Range(0, 10).Select(i => exchange.PriceAt(first + (i * 60_000L), Interval.OneMinute, now)).ToArray();

        var values = await new IndicatorHistory(history).ComputeAsync(new Series("BTCUSDT", Interval.OneMinute), spec, drawn, CancellationToken.None);

        var everything = Enumerable.Range(-1999, 2009).Select(i => exchange.PriceAt(first + (i * 60_000L), Interval.OneMinute, now)).ToArray();
        var reference = IndicatorHistory.Compute(spec, [], everything);
        Assert.Equal(reference[^10..], values);
        Assert.True(values[0].IsReady);
        Assert.Equal(2, exchange.Requests.Count(r => r.Interval == Interval.OneMinute)); // 1000 + 999 candles
    }
}
