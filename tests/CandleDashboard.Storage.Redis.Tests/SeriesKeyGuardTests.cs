using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;

namespace CandleDashboard.Storage.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class SeriesKeyGuardTests(RedisFixture redis)
{
    [Theory]
    [InlineData("*")]
    [InlineData("BTC*")]
    [InlineData("BTC:USDT")]
    [InlineData("BTC USDT")]
    [InlineData("BTC\r\nFLUSHALL")]
    [InlineData("{BTCUSDT}")]
    [InlineData("btcusdt")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")] // 21 characters
    public async Task Hostile_symbols_cannot_form_a_series_so_no_key_is_ever_built_from_them(string symbol)
    {
        Assert.Throws<ArgumentException>(() => new SeriesKey("binance", symbol, Interval.OneMinute));

        // And nothing with such text exists in Redis (the store only ever gets validated keys).
        var server = redis.Connection.GetServer(redis.Server.EndPoint);
        var keys = server.Keys(pattern: "*").Select(k => (string)k!).ToArray();
        Assert.All(keys, k => Assert.Matches("^(candles|candles_meta|live_candle):[a-z0-9]{2,20}:[A-Z0-9]{2,20}:[0-9]+[smhd]$", k));
    }

    [Fact]
    public void An_uninitialised_series_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => RedisKeys.Candles(default));
}
