using System.Net;

namespace CandleDashboard.Api.Tests;

public sealed class ValidationTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("api/candles/BTC-USDT/1m", "symbol", "Symbol 'BTC-USDT' is not valid")]
    [InlineData("api/candles/B/1m", "symbol", "Symbol 'B' is not valid")]
    [InlineData("api/candles/BTCUSDT/7m", "interval", "Unknown interval '7m'. Available intervals: 15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d.")]
    [InlineData("api/candles/BTCUSDT/1M", "interval", "Unknown interval '1M'")]
    [InlineData("api/candles/BTCUSDT/3m", "interval", "Interval '3m' is not offered here. Available intervals: 15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d.")]
    [InlineData("api/candles/BTCUSDT/1m?count=0", "count", "Count '0' is not valid: expected a whole number from 1 to 1000.")]
    [InlineData("api/candles/BTCUSDT/1m?count=1001", "count", "Count '1001' is not valid")]
    [InlineData("api/candles/BTCUSDT/1m?count=-5", "count", "Count '-5' is not valid")]
    [InlineData("api/candles/BTCUSDT/1m?count=ten", "count", "Count 'ten' is not valid")]
    [InlineData("api/candles/BTCUSDT/1m?count=1.5", "count", "Count '1.5' is not valid")]
    [InlineData("api/candles/BTCUSDT/1m?includeLive=maybe", "includeLive", "includeLive 'maybe' is not valid: expected true or false.")]
    [InlineData("api/candles/BTCUSDT/1m?before=yesterday", "before", "before 'yesterday' is not valid: expected a time in UTC epoch milliseconds, e.g. 1763892000000.")]
    [InlineData("api/candles/BTCUSDT/1m?before=1.5e12", "before", "before '1.5e12' is not valid: expected a time in UTC epoch milliseconds")]
    [InlineData("api/candles/BTCUSDT/1m?before=99999999999999999999", "before", "before '99999999999999999999' is not valid")] // beyond a 64-bit number
    [InlineData("api/candles/BTCUSDT/1m?endTime=2024-01-01", "endTime", "endTime '2024-01-01' is not valid: expected a time in UTC epoch milliseconds")]
    [InlineData("api/candles/BTCUSDT/1m?before=-1", "before", "before '-1' is not valid: a time in UTC epoch milliseconds is not negative.")]
    [InlineData("api/candles/BTCUSDT/1m?endTime=-60000", "endTime", "endTime '-60000' is not valid: a time in UTC epoch milliseconds is not negative.")]
    [InlineData("api/candles/BTCUSDT/1m?before=99999999999999", "before", "before '99999999999999' is in the future (server time ")] // the year 5138
    [InlineData("api/candles/BTCUSDT/1m?endTime=99999999999999", "endTime", "endTime '99999999999999' is in the future (server time ")]
    [InlineData("api/candles/BTCUSDT/1m?before=1700000000000&endTime=1699999999999", "before", "before and endTime cannot be combined: give one of them (endTime=T is the same as before=T+1).")]
    [InlineData("api/candles/BTCUSDT/1m?before=1700000000000&includeLive=true", "includeLive", "includeLive=true cannot be combined with before: a page of older candles has no live candle.")]
    [InlineData("api/candles/BTCUSDT/1m?endTime=1700000000000&includeLive=True", "includeLive", "includeLive=true cannot be combined with endTime")]
    [InlineData("api/candles/BTCUSDT/1m?before=1700000000000&count=1001", "count", "Count '1001' is not valid: expected a whole number from 1 to 1000.")]
    [InlineData("api/candles/BTCUSDT/1m?before=1700000000000&count=0", "count", "Count '0' is not valid")]
    [InlineData("api/candles/BTCUSDT/1m?before=<b>1</b>", "before", "before '?b?1??b?' is not valid")] // markup is not echoed
    [InlineData("api/candles/BTC*/1m/latest", "symbol", "Symbol 'BTC?' is not valid")] // markup and wildcards are not echoed
    [InlineData("api/candles/BTC-USDT/1m/live-accuracy", "symbol", "Symbol 'BTC-USDT' is not valid")]
    [InlineData("api/candles/BTCUSDT/3m/live-accuracy", "interval", "Interval '3m' is not offered here.")]
    [InlineData("api/live-candle?interval=1m", "symbol", "Symbol is required (e.g. BTCUSDT).")]
    [InlineData("api/live-candle?symbol=BTCUSDT", "interval", "Interval is required. Available intervals: 15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d.")]
    public async Task Bad_input_is_a_400_validation_problem_with_a_clear_detail(string path, string field, string message)
    {
        using var response = await server.Client.GetAsync(path);
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid request", body.GetProperty("title").GetString());
        Assert.StartsWith(message, body.GetProperty("detail").GetString());
        Assert.StartsWith(message, body.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("api/candles/DOGEUSDT/1m")]
    [InlineData("api/candles/DOGEUSDT/1m/latest")]
    [InlineData("api/live-candle?symbol=DOGEUSDT&interval=1m")]
    [InlineData("api/candles/DOGEUSDT/1m/live-accuracy")]
    public async Task Well_formed_unknown_symbol_is_a_404_problem(string path)
    {
        using var response = await server.Client.GetAsync(path);
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Unknown symbol", body.GetProperty("title").GetString());
        Assert.Equal("Unknown symbol 'DOGEUSDT'. Available symbols: BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_api_path_is_a_problem_not_the_blazor_page()
    {
        using var response = await server.Client.GetAsync("api/nothing-here");
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No API endpoint at GET /api/nothing-here. See /openapi/v1.json.", body.GetProperty("detail").GetString());
    }
}
