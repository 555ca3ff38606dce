using System.Net;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Tests.Support;

namespace CandleDashboard.Simulator.Tests;

/// <summary>GET /api/v3/klines over real HTTP: row shape, paging, the 1000 cap and Binance's error codes.</summary>
public sealed class RestKlinesTests : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions { Seed = 7 });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Rows_have_binance_shape_and_are_contiguous_up_to_the_forming_kline()
    {
        var (status, body, response) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=50");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(int.Parse(response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single()) >= 2);
        var first = body[0];
        Assert.Equal(12, first.GetArrayLength());
        Assert.Matches(@"^\d+\.\d{8}$", first[1].GetString());
        Assert.Matches(@"^\d+\.\d{8,}$", first[7].GetString());
        Assert.Equal("0", first[11].GetString());

        var rows = body.EnumerateArray().Select(KlineRow.Parse).ToList();
        Assert.Equal(50, rows.Count);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(rows[^1].OpenTime, Interval.OneMinute.Floor(now) - 60_000, Interval.OneMinute.Floor(now));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(0, row.OpenTime % 60_000);
            Assert.Equal(row.OpenTime + 59_999, row.CloseTime);
            Assert.True(row.Low <= Math.Min(row.Open, row.Close) && Math.Max(row.Open, row.Close) <= row.High);
            Assert.InRange(row.Close, 20_000m, 200_000m);
            Assert.True(row.TakerBuyVolume <= row.Volume);
            if (i > 0)
            {
                Assert.Equal(rows[i - 1].OpenTime + 60_000, row.OpenTime);
            }
        }
    }

    [Fact]
    public async Task Paging_by_start_time_continues_without_gap_or_overlap()
    {
        var newest = await SimulatorHttp.KlinesAsync(_simulator, "symbol=ETHUSDT&interval=5m&limit=1");
        var start = newest[0].OpenTime - 1500 * 300_000L;

        var page1 = await SimulatorHttp.KlinesAsync(_simulator, $"symbol=ETHUSDT&interval=5m&startTime={start}&limit=1000");
        var page2 = await SimulatorHttp.KlinesAsync(_simulator, $"symbol=ETHUSDT&interval=5m&startTime={page1[^1].OpenTime + 1}&limit=1000");

        // History for 5m starts about 1000 bars back, so the first page starts there rather than at `start`.
        Assert.True(page1[0].OpenTime >= start);
        Assert.Equal(1000, page1.Count);
        Assert.Equal(page1[^1].OpenTime + 300_000, page2[0].OpenTime);
        Assert.True(page2.Count >= 1);
    }

    [Fact]
    public async Task Unaligned_start_time_begins_at_the_next_open_and_end_time_bounds_the_last()
    {
        var newest = await SimulatorHttp.KlinesAsync(_simulator, "symbol=SOLUSDT&interval=1h&limit=10");
        var start = newest[0].OpenTime + 1;
        var end = newest[5].OpenTime;

        var rows = await SimulatorHttp.KlinesAsync(_simulator, $"symbol=SOLUSDT&interval=1h&startTime={start}&endTime={end}");

        Assert.Equal(newest.Skip(1).Take(5).Select(r => r.OpenTime), rows.Select(r => r.OpenTime));
        Assert.Equal(newest[1], rows[0]);
    }

    [Fact]
    public async Task Limit_defaults_to_500_and_is_capped_at_1000()
    {
        Assert.Equal(500, (await SimulatorHttp.KlinesAsync(_simulator, "symbol=BTCUSDT&interval=1m")).Count);
        Assert.Equal(1000, (await SimulatorHttp.KlinesAsync(_simulator, "symbol=BTCUSDT&interval=1m&limit=5000")).Count);
    }

    [Theory]
    [InlineData("symbol=BTCUSDT&interval=15s", -1120)]
    [InlineData("symbol=BTCUSDT&interval=30s", -1120)]
    [InlineData("symbol=BTCUSDT&interval=1M", -1120)]
    [InlineData("symbol=NOPEUSDT&interval=1m", -1121)]
    [InlineData("interval=1m", -1102)]
    [InlineData("symbol=BTCUSDT", -1102)]
    [InlineData("symbol=BTCUSDT&interval=1m&limit=0", -1130)]
    [InlineData("symbol=BTCUSDT&interval=1m&limit=-5", -1100)]
    [InlineData("symbol=BTCUSDT&interval=1m&startTime=abc", -1100)]
    [InlineData("symbol=BTCUSDT&interval=1m&startTime=2000&endTime=1000", -1023)]
    public async Task Bad_requests_get_binance_error_codes(string query, int code)
    {
        var (status, body, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/klines?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("msg").GetString()));
    }

    [Fact]
    public async Task Ping_time_and_exchange_info_answer_like_binance_and_are_counted()
    {
        var before = _simulator.RestRequestCount;

        var (_, ping, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/ping");
        var (_, time, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/time");
        var (_, info, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/exchangeInfo");
        var (_, one, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/exchangeInfo?symbol=ETHUSDT");
        var (badStatus, bad, _) = await SimulatorHttp.GetAsync(_simulator, "/api/v3/exchangeInfo?symbol=NOPE");

        Assert.Equal("{}", ping.GetRawText());
        Assert.InRange(time.GetProperty("serverTime").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
        Assert.Equal("UTC", info.GetProperty("timezone").GetString());
        Assert.Equal(
            ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"],
            info.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()!).ToArray());
        var eth = Assert.Single(one.GetProperty("symbols").EnumerateArray());
        Assert.Equal("TRADING", eth.GetProperty("status").GetString());
        Assert.Equal("ETH", eth.GetProperty("baseAsset").GetString());
        Assert.Equal("USDT", eth.GetProperty("quoteAsset").GetString());
        Assert.Equal("0.01000000", eth.GetProperty("filters")[0].GetProperty("tickSize").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(-1121, bad.GetProperty("code").GetInt32());
        Assert.Equal(before + 5, _simulator.RestRequestCount);
    }
}
