using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Api.Tests;

/// <summary>
/// Scroll-back paging on <c>/api/candles/{symbol}/{interval}</c> against the app's in-process simulator,
/// whose 1m history starts about 1000 minutes before the app did: a walk back reaches its first candle.
/// </summary>
public sealed class CandlePagingTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const long Minute = 60_000;

    private static long[] OpenTimes(JsonElement body) =>
        [.. body.GetProperty("candles").EnumerateArray().Select(c => c.GetProperty("openTime").GetInt64())];

    private static void AssertIsPage(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Null, body.GetProperty("gap").ValueKind);
        Assert.Contains(body.GetProperty("source").GetString(), new[] { "memory", "exchange" });
        Assert.All(body.GetProperty("candles").EnumerateArray(), c =>
        {
            Assert.True(c.GetProperty("closed").GetBoolean());
            Assert.Equal("official", c.GetProperty("source").GetString());
        });
    }

    [Fact]
    public async Task Paging_with_nextBefore_walks_back_to_the_first_candle_contiguously_without_duplicates()
    {
        var recent = await server.GetJsonAsync("api/candles/BTCUSDT/1m?count=100&includeLive=false");
        var walked = new List<long>(OpenTimes(recent));
        Assert.False(recent.GetProperty("reachedStart").GetBoolean()); // a recent answer never claims the start
        var cursor = recent.GetProperty("nextBefore").GetInt64();
        Assert.Equal(walked[0], cursor);

        var pages = 0;
        while (true)
        {
            var page = await server.GetJsonAsync($"api/candles/BTCUSDT/1m?before={cursor}&count=400");
            pages++;
            AssertIsPage(page);
            var openTimes = OpenTimes(page);
            Assert.All(openTimes, t => Assert.True(t < cursor, $"{t} is not before {cursor}"));
            walked.InsertRange(0, openTimes);
            if (page.GetProperty("reachedStart").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, page.GetProperty("nextBefore").ValueKind);
                Assert.InRange(openTimes.Length, 0, 399);
                break;
            }

            Assert.Equal(400, openTimes.Length);
            cursor = page.GetProperty("nextBefore").GetInt64();
            Assert.Equal(openTimes[0], cursor);
            Assert.True(pages < 10, "the walk did not reach the first candle");
        }

        // Every minute from the exchange's first kline (asked from its start) to the newest closed one, once.
        var first = await server.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Klines.GetKlinesAsync("BTCUSDT", Interval.OneMinute, 0, null, 1, CancellationToken.None);
        Assert.Equal(first[0].OpenTime, walked[0]);
        Assert.All(walked.Zip(walked.Skip(1)), p => Assert.Equal(Minute, p.Second - p.First));
        Assert.True(walked.Count > 900, $"{walked.Count} minutes walked"); // the simulator keeps about 1000 minutes of history

        // Before the first candle there is nothing: an empty page that says so.
        var beyond = await server.GetJsonAsync($"api/candles/BTCUSDT/1m?before={walked[0]}&count=400");
        AssertIsPage(beyond);
        Assert.Empty(OpenTimes(beyond));
        Assert.True(beyond.GetProperty("reachedStart").GetBoolean());
        Assert.Equal(JsonValueKind.Null, beyond.GetProperty("nextBefore").ValueKind);
    }

    [Fact]
    public async Task EndTime_is_the_inclusive_form_of_before()
    {
        var recent = await server.GetJsonAsync("api/candles/ETHUSDT/1m?count=50&includeLive=false");
        var t = OpenTimes(recent)[25];

        var byEndTime = await server.GetJsonAsync($"api/candles/ETHUSDT/1m?endTime={t}&count=10");
        var byBefore = await server.GetJsonAsync($"api/candles/ETHUSDT/1m?before={t + 1}&count=10");
        var exclusive = await server.GetJsonAsync($"api/candles/ETHUSDT/1m?before={t}&count=10");
        var endTimeInside = await server.GetJsonAsync($"api/candles/ETHUSDT/1m?endTime={t - 1}&count=10");

        AssertIsPage(byEndTime);
        Assert.Equal(Enumerable.Range(0, 10).Select(n => t - ((9 - n) * Minute)), OpenTimes(byEndTime)); // ends with the candle at t
        Assert.Equal(OpenTimes(byEndTime), OpenTimes(byBefore));
        Assert.Equal(Enumerable.Range(0, 10).Select(n => t - ((10 - n) * Minute)), OpenTimes(exclusive)); // ends just before t
        Assert.Equal(OpenTimes(exclusive), OpenTimes(endTimeInside));
        Assert.Equal(byEndTime.GetProperty("candles")[8].GetRawText(), exclusive.GetProperty("candles")[9].GetRawText());
    }

    [Fact]
    public async Task A_page_before_1970_is_empty_and_reaches_the_start()
    {
        var body = await server.GetJsonAsync("api/candles/SOLUSDT/1h?before=0");

        AssertIsPage(body);
        Assert.Equal("SOLUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal("1h", body.GetProperty("interval").GetString());
        Assert.Empty(OpenTimes(body));
        Assert.True(body.GetProperty("reachedStart").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("nextBefore").ValueKind);
    }

    [Fact]
    public async Task A_page_defaults_to_100_candles_and_accepts_includeLive_false()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 5_000; // before the server's clock, whatever its skew
        var body = await server.GetJsonAsync($"api/candles/BNBUSDT/1h?before={now}&includeLive=false");

        AssertIsPage(body);
        var openTimes = OpenTimes(body);
        Assert.Equal(100, openTimes.Length);
        Assert.All(openTimes.Zip(openTimes.Skip(1)), p => Assert.Equal(3_600_000, p.Second - p.First));
        Assert.True(openTimes[^1] < now, "a page holds candles opening before the asked time");
        Assert.Equal(openTimes[0], body.GetProperty("nextBefore").GetInt64());
    }
}
