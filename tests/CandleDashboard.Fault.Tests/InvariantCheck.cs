using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CandleDashboard.Fault.Tests;

/// <summary>
/// The invariant every scenario ends with: for every series and every closed bucket of the checked
/// window, the app's API returns exactly one candle, it is official, and it equals the exchange's
/// kline (15s and 30s buckets: the aggregate of the exchange's 1s klines). The exchange is asked
/// directly, with its faults off, so the reference is the truth and not what the app fetched.
/// </summary>
public static class InvariantCheck
{
    public sealed record Finding(string Series, int Checked, int Missing, int Duplicated, int Wrong, int NotOfficial, IReadOnlyList<string> Examples)
    {
        public bool Clean => Missing == 0 && Duplicated == 0 && Wrong == 0 && NotOfficial == 0 && Checked > 0;

        public override string ToString() =>
            $"{Series}: {Checked} checked, {Missing} missing, {Duplicated} duplicated, {Wrong} wrong, {NotOfficial} not official {string.Join("; ", Examples)}";
    }

    private sealed record Kline(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal QuoteVolume, long Trades, string Source);

    /// <summary>
    /// Waits (up to <paramref name="deadline"/>) until the app has committed the last <paramref name="buckets"/>
    /// closed buckets of every series, then compares them one by one. Returns one finding per series.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> RunAsync(
        Uri app, Uri exchangeRest, IEnumerable<string> symbols, IEnumerable<string> intervals, int buckets, TimeSpan deadline, TimeProvider? exchangeClock = null)
    {
        using var appHttp = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(10) };
        using var exchangeHttp = new HttpClient { BaseAddress = exchangeRest, Timeout = TimeSpan.FromSeconds(10) };
        var now = (exchangeClock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        var until = DateTimeOffset.UtcNow + deadline;
        var findings = new List<Finding>();
        foreach (var symbol in symbols)
        {
            foreach (var interval in intervals)
            {
                var ms = Milliseconds(interval);
                var last = (now / ms * ms) - ms;
                var first = last - ((buckets - 1) * ms);
                var served = await WaitForOfficialAsync(appHttp, symbol, interval, first, last, buckets, until);
                var expected = await ExchangeKlinesAsync(exchangeHttp, symbol, interval, ms, first, last);
                findings.Add(Compare($"{symbol} {interval}", served, expected, first, last, ms));
            }
        }

        return findings;
    }

    /// <summary>The scenario's usual check: every fault-suite series, the last 20 closed buckets.</summary>
    public static async Task AssertCleanAsync(Uri app, Uri exchangeRest, TimeProvider? exchangeClock = null) =>
        AssertClean(await RunAsync(app, exchangeRest, FaultFixture.Symbols, FaultFixture.Intervals, buckets: 20, TimeSpan.FromSeconds(90), exchangeClock));

    public static void AssertClean(IReadOnlyList<Finding> findings)
    {
        Assert.NotEmpty(findings);
        Assert.True(findings.All(f => f.Clean), "invariant broken:\n" + string.Join("\n", findings.Where(f => !f.Clean)));
    }

    private static Finding Compare(string series, List<Kline> served, Dictionary<long, Kline> expected, long first, long last, long ms)
    {
        var examples = new List<string>();
        int missing = 0, duplicated = 0, wrong = 0, notOfficial = 0, checkedCount = 0;
        var byTime = served.Where(c => c.OpenTime >= first && c.OpenTime <= last).GroupBy(c => c.OpenTime).ToDictionary(g => g.Key, g => g.ToList());
        for (var t = first; t <= last; t += ms)
        {
            checkedCount++;
            if (!byTime.TryGetValue(t, out var candles))
            {
                missing++;
                Note(examples, $"missing {t}");
                continue;
            }

            if (candles.Count > 1)
            {
                duplicated++;
                Note(examples, $"{candles.Count}× {t}");
            }

            var candle = candles[0];
            if (candle.Source != "official")
            {
                notOfficial++;
                Note(examples, $"{candle.Source} at {t}");
            }

            if (!expected.TryGetValue(t, out var truth) || truth with { Source = candle.Source } != candle)
            {
                wrong++;
                Note(examples, $"{t}: served {candle}, exchange {truth}");
            }
        }

        return new Finding(series, checkedCount, missing, duplicated, wrong, notOfficial, examples);
    }

    private static void Note(List<string> examples, string what)
    {
        if (examples.Count < 3)
        {
            examples.Add(what);
        }
    }

    /// <summary>Polls the API until every bucket of the window is served official (or the deadline passes); returns the last answer.</summary>
    private static async Task<List<Kline>> WaitForOfficialAsync(HttpClient http, string symbol, string interval, long first, long last, int buckets, DateTimeOffset until)
    {
        var count = buckets + 5; // room for the buckets that close while waiting
        while (true)
        {
            List<Kline> served = [];
            using (var response = await http.GetAsync($"api/candles/{symbol}/{interval}?count={count}&includeLive=false"))
            {
                if (response.IsSuccessStatusCode)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    served = [.. body.RootElement.GetProperty("candles").EnumerateArray().Select(FromApi)];
                }
            }

            var window = served.Where(c => c.OpenTime >= first && c.OpenTime <= last).ToList();
            if ((window.Count == buckets && window.All(c => c.Source == "official")) || DateTimeOffset.UtcNow > until)
            {
                return served;
            }

            await Task.Delay(300); // the API is rate limited per client: ask politely
        }
    }

    private static Kline FromApi(JsonElement c) => new(
        c.GetProperty("openTime").GetInt64(),
        Dec(c.GetProperty("open")),
        Dec(c.GetProperty("high")),
        Dec(c.GetProperty("low")),
        Dec(c.GetProperty("close")),
        Dec(c.GetProperty("volume")),
        Dec(c.GetProperty("quoteVolume")),
        c.GetProperty("tradeCount").GetInt64(),
        c.GetProperty("source").GetString()!);

    /// <summary>The exchange's klines of the window by open time; 15s/30s built from its 1s klines.</summary>
    private static async Task<Dictionary<long, Kline>> ExchangeKlinesAsync(HttpClient http, string symbol, string interval, long ms, long first, long last)
    {
        var native = interval is not ("15s" or "30s");
        var rows = await RowsAsync(http, symbol, native ? interval : "1s", first, last + ms - 1);
        if (native)
        {
            return rows.ToDictionary(k => k.OpenTime);
        }

        return rows
            .GroupBy(k => k.OpenTime / ms * ms)
            .Where(g => g.Count() == ms / 1000)
            .ToDictionary(g => g.Key, g =>
            {
                // The exchange's kline rule: the first trade opens the bucket, and seconds without a trade
                // (flat at the previous close) do not widen the range. No trade at all: flat.
                var ordered = g.OrderBy(k => k.OpenTime).ToList();
                var traded = ordered.Where(k => k.Trades > 0).ToList();
                var priced = traded.Count > 0 ? traded : ordered;
                return new Kline(g.Key, priced[0].Open, priced.Max(k => k.High), priced.Min(k => k.Low), ordered[^1].Close,
                    ordered.Sum(k => k.Volume), ordered.Sum(k => k.QuoteVolume), ordered.Sum(k => k.Trades), "official");
            });
    }

    private static async Task<List<Kline>> RowsAsync(HttpClient http, string symbol, string interval, long from, long to)
    {
        var all = new List<Kline>();
        while (from <= to)
        {
            var page = await http.GetFromJsonAsync<JsonElement[][]>($"api/v3/klines?symbol={symbol}&interval={interval}&startTime={from}&endTime={to}&limit=1000");
            if (page is null || page.Length == 0)
            {
                break;
            }

            all.AddRange(page.Select(r => new Kline(
                r[0].GetInt64(), Dec(r[1]), Dec(r[2]), Dec(r[3]), Dec(r[4]), Dec(r[5]), Dec(r[7]), r[8].GetInt64(), "official")));
            from = all[^1].OpenTime + 1;
        }

        return all;
    }

    private static decimal Dec(JsonElement e) => decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long Milliseconds(string interval) => interval switch
    {
        "1s" => 1_000,
        "15s" => 15_000,
        "30s" => 30_000,
        "1m" => 60_000,
        "5m" => 300_000,
        "15m" => 900_000,
        "1h" => 3_600_000,
        "4h" => 14_400_000,
        "1d" => 86_400_000,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "add it here"),
    };
}
