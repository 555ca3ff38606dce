using System.Globalization;
using System.Net;
using System.Text.Json;
using CandleDashboard.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Simulator.Tests;

/// <summary>The Kraken REST endpoints over real loopback HTTP: OHLC window and since, Trades paging, AssetPairs, errors, rate limit, faults.</summary>
public sealed class KrakenRestTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);

    /// <summary>Kraken pairs with generated history only (no live trades unless a rate is given), on a fake clock.</summary>
    private static async Task<(ExchangeSimulator Simulator, FakeTimeProvider Clock)> StartAsync(double rate = 0, double rateLimit = 0, IReadOnlyList<string>? pairs = null)
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Symbols = [],
            KrakenSymbols = pairs ?? ["BTCUSD", "ETHUSD"],
            KrakenTradesPerSecondPerPair = rate,
            KrakenRateLimitMaximum = rateLimit,
            TimeProvider = clock,
        });
        return (simulator, clock);
    }

    private static decimal D(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task OHLC_serves_the_newest_720_committed_rows_then_the_forming_one_and_last_is_the_last_committed()
    {
        var (simulator, clock) = await StartAsync();
        await using var _ = simulator;
        foreach (var minutes in new[] { 1, 5, 60, 1440 })
        {
            var result = await KrakenHttp.ResultAsync(simulator, $"/0/public/OHLC?pair=XBTUSD&interval={minutes}");
            var rows = result.GetProperty("XXBTZUSD").EnumerateArray().ToList();
            var length = minutes * 60L;
            var forming = Start.ToUnixTimeSeconds() / length * length;
            if (minutes < 1440)
            {
                Assert.Equal(721, rows.Count);
            }
            else
            {
                Assert.InRange(rows.Count, 390, 402); // the generated history reaches back 400 days (HistoryLength)
            }

            Assert.Equal(forming, rows[^1][0].GetInt64());
            Assert.Equal(forming - length, result.GetProperty("last").GetInt64());
            Assert.All(rows.Zip(rows.Skip(1)), p => Assert.Equal(p.First[0].GetInt64() + length, p.Second[0].GetInt64()));
            AssertKrakenRows(rows);
        }

        // The clock moves 90 s: two new minutes, the newer one forming and flat at the last close (no live trades).
        clock.Advance(TimeSpan.FromSeconds(90));
        var later = await KrakenHttp.ResultAsync(simulator, "/0/public/OHLC?pair=BTCUSD&interval=1");
        var laterRows = later.GetProperty("XXBTZUSD").EnumerateArray().ToList();
        Assert.Equal(721, laterRows.Count);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() / 60 * 60, laterRows[^1][0].GetInt64());
        Assert.Equal(0, laterRows[^1][7].GetInt64());
        Assert.Equal("0.0", laterRows[^1][5].GetString());
    }

    /// <summary>Prices with the pair's one decimal, volume with 8, VWAP inside the range (or "0.0" with no trades), empty rows flat at the previous close.</summary>
    private static void AssertKrakenRows(List<JsonElement> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(8, row.GetArrayLength());
            for (var field = 1; field <= 5; field++)
            {
                Assert.Matches(@"^\d+\.\d$", row[field].GetString());
            }

            Assert.Matches(@"^\d+\.\d{8}$", row[6].GetString());
            var (high, low, vwap, count) = (D(row[2]), D(row[3]), D(row[5]), row[7].GetInt64());
            if (count == 0)
            {
                Assert.Equal("0.0", row[5].GetString());
                Assert.Equal("0.00000000", row[6].GetString());
                if (i > 0)
                {
                    Assert.All(Enumerable.Range(1, 4), f => Assert.Equal(rows[i - 1][4].GetString(), row[f].GetString()));
                }
            }
            else
            {
                Assert.InRange(vwap, low, high);
            }
        }
    }

    [Fact]
    public async Task OHLC_since_keeps_only_later_rows_and_always_ends_with_the_forming_row()
    {
        var (simulator, _) = await StartAsync();
        await using var __ = simulator;
        var all = (await KrakenHttp.ResultAsync(simulator, "/0/public/OHLC?pair=XBTUSD&interval=5")).GetProperty("XXBTZUSD").EnumerateArray().ToList();

        var since = all[700][0].GetInt64();
        var after = (await KrakenHttp.ResultAsync(simulator, $"/0/public/OHLC?pair=XBTUSD&interval=5&since={since}")).GetProperty("XXBTZUSD").EnumerateArray().ToList();
        Assert.Equal(all.Skip(701).Select(r => r.GetRawText()), after.Select(r => r.GetRawText()));

        // Between two open times: from the next one on.
        var between = (await KrakenHttp.ResultAsync(simulator, $"/0/public/OHLC?pair=XBTUSD&interval=5&since={since - 1}")).GetProperty("XXBTZUSD");
        Assert.Equal(since, between[0][0].GetInt64());

        // Beyond the forming row: still the forming row. Far in the past: still only the newest 720 + 1.
        var future = (await KrakenHttp.ResultAsync(simulator, $"/0/public/OHLC?pair=XBTUSD&interval=5&since={all[^1][0].GetInt64() + 3600}")).GetProperty("XXBTZUSD");
        Assert.Equal(all[^1].GetRawText(), Assert.Single(future.EnumerateArray()).GetRawText());
        var old = (await KrakenHttp.ResultAsync(simulator, "/0/public/OHLC?pair=XBTUSD&interval=5&since=0")).GetProperty("XXBTZUSD");
        Assert.Equal(721, old.GetArrayLength());
    }

    [Fact]
    public async Task Trades_pages_through_the_whole_tape_by_the_last_cursor_without_gaps_or_repeats()
    {
        var (simulator, _) = await StartAsync(pairs: ["ETHUSD"]);
        await using var __ = simulator;
        var newest = (await KrakenHttp.ResultAsync(simulator, "/0/public/Trades?pair=ETHUSD&count=5")).GetProperty("XETHZUSD");
        Assert.Equal(5, newest.GetArrayLength());
        var newestId = newest[4][6].GetInt64();
        Assert.True(newestId > 5_000, $"history holds {newestId} trades");

        var ids = new List<long>();
        var previousTime = 0m;
        var cursor = "0"; // seconds: from the start of the tape
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 200, "paging does not end");
            var result = await KrakenHttp.ResultAsync(simulator, $"/0/public/Trades?pair=ETHUSD&since={cursor}&count=1000");
            var page = result.GetProperty("XETHZUSD").EnumerateArray().ToList();
            Assert.InRange(page.Count, 0, 1000 + 50); // a page never splits one timestamp, so it may run a few over
            foreach (var row in page)
            {
                Assert.Matches(@"^\d+\.\d{5}$", row[0].GetString());
                Assert.Matches(@"^\d+\.\d{8}$", row[1].GetString());
                Assert.Equal(JsonValueKind.Number, row[2].ValueKind);
                Assert.Contains(row[3].GetString(), new[] { "b", "s" });
                Assert.Contains(row[4].GetString(), new[] { "m", "l" });
                Assert.Equal("", row[5].GetString());
                var time = decimal.Parse(row[2].GetRawText(), CultureInfo.InvariantCulture);
                Assert.True(time >= previousTime);
                previousTime = time;
                ids.Add(row[6].GetInt64());
            }

            var last = result.GetProperty("last").GetString()!;
            if (page.Count == 0)
            {
                Assert.Equal(cursor, last);
                break;
            }

            Assert.Equal((long)(decimal.Parse(page[^1][2].GetRawText(), CultureInfo.InvariantCulture) * 1_000_000_000m), long.Parse(last, CultureInfo.InvariantCulture));
            cursor = last;
        }

        Assert.Equal(Enumerable.Range(1, (int)newestId).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task AssetPairs_lists_each_pair_under_its_key_with_Krakens_names_and_precisions()
    {
        var (simulator, _) = await StartAsync(pairs: ["BTCUSD", "ETHUSD", "XBTUSDT"]);
        await using var __ = simulator;
        var result = await KrakenHttp.ResultAsync(simulator, "/0/public/AssetPairs");
        Assert.Equal(new[] { "XXBTZUSD", "XETHZUSD", "XBTUSDT" }, result.EnumerateObject().Select(p => p.Name));

        var btc = result.GetProperty("XXBTZUSD");
        Assert.Equal("XBTUSD", btc.GetProperty("altname").GetString());
        Assert.Equal("XBT/USD", btc.GetProperty("wsname").GetString());
        Assert.Equal("XXBT", btc.GetProperty("base").GetString());
        Assert.Equal("ZUSD", btc.GetProperty("quote").GetString());
        Assert.Equal(1, btc.GetProperty("pair_decimals").GetInt32());
        Assert.Equal(8, btc.GetProperty("lot_decimals").GetInt32());
        Assert.Equal("0.1", btc.GetProperty("tick_size").GetString());
        Assert.Equal("0.00005", btc.GetProperty("ordermin").GetString());
        Assert.Equal("online", btc.GetProperty("status").GetString());

        var eth = result.GetProperty("XETHZUSD");
        Assert.Equal(("ETHUSD", "XETH", 2, "0.01"), (eth.GetProperty("altname").GetString(), eth.GetProperty("base").GetString(), eth.GetProperty("pair_decimals").GetInt32(), eth.GetProperty("tick_size").GetString()));
        var usdt = result.GetProperty("XBTUSDT");
        Assert.Equal(("XBTUSDT", "XBT/USDT", "XXBT", "USDT"), (usdt.GetProperty("altname").GetString(), usdt.GetProperty("wsname").GetString(), usdt.GetProperty("base").GetString(), usdt.GetProperty("quote").GetString()));

        var one = await KrakenHttp.ResultAsync(simulator, "/0/public/AssetPairs?pair=XBTUSDT,ETHUSD");
        Assert.Equal(new[] { "XBTUSDT", "XETHZUSD" }, one.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EQuery:Unknown asset pair", await KrakenHttp.ErrorAsync(simulator, "/0/public/AssetPairs?pair=XBTUSD,DOGEUSD"));
    }

    [Fact]
    public async Task Bad_requests_get_Krakens_errors_with_HTTP_200()
    {
        var (simulator, clock) = await StartAsync();
        await using var running = simulator;
        Assert.Equal("EQuery:Unknown asset pair", await KrakenHttp.ErrorAsync(simulator, "/0/public/OHLC?pair=DOGEUSD"));
        Assert.Equal("EQuery:Unknown asset pair", await KrakenHttp.ErrorAsync(simulator, "/0/public/Trades?pair=XBTEUR"));
        Assert.Equal("EGeneral:Invalid arguments", await KrakenHttp.ErrorAsync(simulator, "/0/public/OHLC"));
        Assert.Equal("EGeneral:Invalid arguments", await KrakenHttp.ErrorAsync(simulator, "/0/public/OHLC?pair=XBTUSD&interval=2"));
        Assert.Equal("EGeneral:Invalid arguments", await KrakenHttp.ErrorAsync(simulator, "/0/public/OHLC?pair=XBTUSD&since=yesterday"));
        Assert.Equal("EGeneral:Invalid arguments", await KrakenHttp.ErrorAsync(simulator, "/0/public/Trades?pair=XBTUSD&count=1001"));
        Assert.Equal("EGeneral:Invalid arguments", await KrakenHttp.ErrorAsync(simulator, "/0/public/Trades?pair=XBTUSD&since=abc"));

        // The names Kraken accepts for one pair all answer under its key.
        foreach (var name in new[] { "XBTUSD", "XXBTZUSD", "BTCUSD", "xbtusd" })
        {
            Assert.True((await KrakenHttp.ResultAsync(simulator, $"/0/public/OHLC?pair={name}")).TryGetProperty("XXBTZUSD", out _), name);
        }

        var time = await KrakenHttp.ResultAsync(simulator, "/0/public/Time");
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), time.GetProperty("unixtime").GetInt64());
        Assert.Equal("Mon, 02 Mar 26 10:00:30 +0000", time.GetProperty("rfc1123").GetString());
    }

    [Fact]
    public async Task A_burst_past_the_decaying_counter_is_refused_with_EAPI_Rate_limit_exceeded_until_it_decays()
    {
        var (simulator, clock) = await StartAsync(rateLimit: 15);
        await using var running = simulator;
        for (var i = 0; i < 15; i++)
        {
            await KrakenHttp.ResultAsync(simulator, "/0/public/Time");
        }

        Assert.Equal("EAPI:Rate limit exceeded", await KrakenHttp.ErrorAsync(simulator, "/0/public/OHLC?pair=XBTUSD"));
        Assert.Equal("EAPI:Rate limit exceeded", await KrakenHttp.ErrorAsync(simulator, "/0/public/Time"));

        // One second decays one call's worth: one more call passes, the next does not.
        clock.Advance(TimeSpan.FromSeconds(1));
        await KrakenHttp.ResultAsync(simulator, "/0/public/Trades?pair=XBTUSD&count=1");
        Assert.Equal("EAPI:Rate limit exceeded", await KrakenHttp.ErrorAsync(simulator, "/0/public/Time"));

        clock.Advance(TimeSpan.FromSeconds(15));
        for (var i = 0; i < 15; i++)
        {
            await KrakenHttp.ResultAsync(simulator, "/0/public/Time");
        }

        // Binance's endpoints are not charged to Kraken's counter.
        var binance = await SimulatorHttp.GetAsync(simulator, "/api/v3/time");
        Assert.Equal(HttpStatusCode.OK, binance.Status);
    }

    [Fact]
    public async Task Fault_switches_apply_to_the_Kraken_endpoints_with_Krakens_error_bodies()
    {
        var (simulator, _) = await StartAsync();
        await using var _ = simulator;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var ohlc = new Uri(simulator.KrakenRestBaseUri, "/0/public/OHLC?pair=XBTUSD");

        simulator.Faults.RestStatus = 503;
        var unavailable = await http.GetAsync(ohlc);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("""{"error":["EService:Unavailable"]}""", await unavailable.Content.ReadAsStringAsync());
        var binance = await http.GetAsync(new Uri(simulator.RestBaseUri, "/api/v3/time"));
        Assert.Contains("-1001", await binance.Content.ReadAsStringAsync());

        simulator.Faults.RestStatus = 429;
        var limited = await http.GetAsync(ohlc);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("""{"error":["EAPI:Rate limit exceeded"]}""", await limited.Content.ReadAsStringAsync());

        simulator.Faults.Clear();
        simulator.Faults.RestGarbage = true;
        var garbage = await http.GetAsync(ohlc);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(garbage.Content.ReadAsStringAsync().Result));

        simulator.Faults.Clear();
        simulator.Faults.RestHangs = true;
        using (var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) })
        {
            await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(ohlc));
        }

        simulator.Faults.Clear();
        simulator.Faults.RestDelay = TimeSpan.FromMilliseconds(300);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await KrakenHttp.ResultAsync(simulator, "/0/public/Time");
        Assert.True(watch.ElapsedMilliseconds >= 290);
        simulator.Faults.Clear();
        Assert.True(simulator.Faults.FaultedRequests >= 5);
    }
}
