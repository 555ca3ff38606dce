using System.Globalization;
using System.Net;
using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Api.Tests;

/// <summary>
/// <c>/api/indicators/{symbol}/{interval}</c> against the app's in-process simulator. Pages (before=…) pin
/// the candles, so the minute turning between two requests cannot shift what is compared.
/// </summary>
public sealed class IndicatorEndpointTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static long[] OpenTimes(JsonElement body, string array) =>
        [.. body.GetProperty(array).EnumerateArray().Select(c => c.GetProperty("openTime").GetInt64())];

    private static decimal Number(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);

    private async Task<long> PinAsync()
    {
        var recent = await server.GetJsonAsync("api/candles/BTCUSDT/1m?count=5&includeLive=false");
        return OpenTimes(recent, "candles")[^1] + 1;
    }

    [Fact]
    public async Task Values_are_aligned_with_the_candles_and_equal_the_textbook_average_including_the_first_one()
    {
        var before = await PinAsync();
        var candles = await server.GetJsonAsync($"api/candles/BTCUSDT/1m?before={before}&count=69");
        var sma = await server.GetJsonAsync($"api/indicators/BTCUSDT/1m?name=sma&period=20&before={before}&count=50");

        Assert.Equal("sma(20)", sma.GetProperty("indicator").GetString());
        Assert.Equal(["sma"], sma.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
        var closes = candles.GetProperty("candles").EnumerateArray().Select(c => Number(c.GetProperty("close"))).ToArray();
        Assert.Equal(OpenTimes(candles, "candles")[19..], OpenTimes(sma, "values"));
        var values = sma.GetProperty("values").EnumerateArray().Select(v => Number(v.GetProperty("values").GetProperty("sma"))).ToArray();

        // The first value already averages 20 closes: 19 of them lie before the first candle served (the warm-up).
        Assert.Equal(Enumerable.Range(0, 50).Select(i => closes[i..(i + 20)].Sum() / 20), values);
        Assert.Equal(sma.GetProperty("nextBefore").GetInt64(), OpenTimes(sma, "values")[0]);
        Assert.False(sma.GetProperty("reachedStart").GetBoolean());
    }

    [Fact]
    public async Task Multi_output_indicators_name_their_outputs_and_a_recent_answer_ends_with_the_forming_value()
    {
        var bollinger = await server.GetJsonAsync("api/indicators/ETHUSDT/1m?name=Bollinger&period=10&k=2.5&count=30");

        Assert.Equal("bollinger(10,2.5)", bollinger.GetProperty("indicator").GetString());
        Assert.Equal(["middle", "upper", "lower"], bollinger.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
        var values = bollinger.GetProperty("values").EnumerateArray().ToArray();
        Assert.Equal(30, values.Length);
        Assert.All(values, v =>
        {
            var bands = v.GetProperty("values");
            var (middle, upper, lower) = (Number(bands.GetProperty("middle")), Number(bands.GetProperty("upper")), Number(bands.GetProperty("lower")));
            Assert.True(lower <= middle && middle <= upper, $"{lower} {middle} {upper}");
            Assert.Equal(upper - middle, middle - lower, 20); // symmetric bands
        });

        // The same request's candles end with the forming one; so do the values.
        var forming = await server.GetJsonAsync("api/live-candle?symbol=ETHUSDT&interval=1m");
        Assert.True(values[^1].GetProperty("openTime").GetInt64() >= forming.GetProperty("candle").GetProperty("openTime").GetInt64() - 60_000);
    }

    [Fact]
    public async Task A_value_without_enough_history_is_null_rather_than_a_partial_average()
    {
        // The series' first candle: the simulator's history begins about 1000 minutes before the app started.
        var first = (await server.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Klines.GetKlinesAsync("BTCUSDT", Interval.OneMinute, 0, null, 1, CancellationToken.None))[0].OpenTime;

        var start = await server.GetJsonAsync($"api/indicators/BTCUSDT/1m?name=sma&period=20&count=25&endTime={first + (24 * 60_000)}");

        var values = start.GetProperty("values").EnumerateArray().ToArray();
        Assert.Equal(first, values[0].GetProperty("openTime").GetInt64());
        Assert.All(values[..19], v => Assert.Equal(JsonValueKind.Null, v.GetProperty("values").ValueKind));
        Assert.All(values[19..], v => Assert.Equal(JsonValueKind.Object, v.GetProperty("values").ValueKind));
        Assert.Equal(25, values.Length);
    }

    [Theory]
    [InlineData("api/indicators/BTCUSDT/1m", "name", "Indicator name is required")]
    [InlineData("api/indicators/BTCUSDT/1m?name=supertrend", "name", "Unknown indicator 'supertrend'. Available indicators: sma, ema")]
    [InlineData("api/indicators/BTCUSDT/1m?name=ema&period=0", "parameters", "Parameter 'period' of ema must be a whole number from 1 to 1000; 0 is out of range.")]
    [InlineData("api/indicators/BTCUSDT/1m?name=ema&period=2.5", "parameters", "Parameter 'period' of ema must be a whole number from 1 to 1000; '2.5' is not.")]
    [InlineData("api/indicators/BTCUSDT/1m?name=ema&lenght=5", "parameters", "ema has no parameter 'lenght'. Its parameters: period.")]
    [InlineData("api/indicators/BTCUSDT/1m?name=macd&fast=30&slow=20", "parameters", "macd's fast period (30) must be shorter than its slow period (20).")]
    [InlineData("api/indicators/BTCUSDT/1m?name=ema&count=5000", "count", "expected a whole number from 1 to 1000")]
    [InlineData("api/indicators/BTCUSDT/7m?name=ema", "interval", "7m")]
    public async Task Bad_requests_get_a_400_naming_what_is_wrong(string path, string field, string message)
    {
        var response = await server.Client.GetAsync(path);

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, body.GetProperty("detail").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {body}");
    }
}
