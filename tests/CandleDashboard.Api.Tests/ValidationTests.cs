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
    [InlineData("api/candles/BTC*/1m/latest", "symbol", "Symbol 'BTC?' is not valid")] // markup and wildcards are not echoed
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
