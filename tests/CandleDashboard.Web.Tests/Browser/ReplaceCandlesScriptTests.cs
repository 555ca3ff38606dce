using System.Text.Json;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// candleChart.js replaceCandles on a chart of known candles (a scratch element on the app's page,
/// so the real plotly and module are used): in-place replacement, holes filled, nothing appended.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReplaceCandlesScriptTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Official_candles_replace_in_place_fill_holes_and_never_append()
    {
        await _page.GotoAsync("/chart/BTCUSDT/1m");
        await ChartProbe.WaitReadyAsync(_page); // plotly is loaded

        var result = await _page.EvaluateAsync<JsonElement>("""
            async () => {
                const chart = await import('/js/candleChart.js');
                const el = document.createElement('div');
                el.style.width = '600px'; el.style.height = '300px';
                document.body.appendChild(el);
                const live = (t, c) => ({ t, o: 100, h: Math.max(100, c), l: Math.min(100, c), c, v: 1, closed: true, official: false });
                const official = (t, c) => ({ ...live(t, c), v: 5, official: true });
                // Buckets 0, 1, 3 drawn (2 missing), 4 forming.
                const handle = await chart.create(el, [live(0, 101), live(60000, 102), live(180000, 103), { ...live(240000, 104), closed: false }],
                    { symbol: 'TEST', interval: '1m', intervalMs: 60000, priceDecimals: 2, maxCandles: 1000 });
                const inserted = await chart.replaceCandles(handle,
                    [official(-60000, 90), official(60000, 99), official(120000, 98), official(300000, 97)]);
                const p = el.data[0], v = el.data[1], o = el.data[2];
                const out = { inserted, times: p.customdata, text: p.text, liveClose: p.close, officialClose: o.close, volume: v.y,
                              volumeTimes: v.customdata, officialTimes: o.customdata, count: el.dataset.officialCount, last: el.dataset.lastSource };
                chart.dispose(handle);
                el.remove();
                return out;
            }
            """);

        Assert.Equal(1, result.GetProperty("inserted").GetInt32());
        long[] times = [0, 60_000, 120_000, 180_000, 240_000];
        Assert.Equal(times, Longs(result, "times"));       // hole at 2 filled; -1 and 5 (outside) ignored
        Assert.Equal(times, Longs(result, "volumeTimes"));
        Assert.Equal(times, Longs(result, "officialTimes"));
        Assert.Equal(["live", "official", "official", "live", "live"], result.GetProperty("text").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([101.0, null, null, 103.0, 104.0], Doubles(result, "liveClose"));
        Assert.Equal([null, 99.0, 98.0, null, null], Doubles(result, "officialClose"));
        Assert.Equal([1.0, 5.0, 5.0, 1.0, 1.0], Doubles(result, "volume"));
        Assert.Equal("2", result.GetProperty("count").GetString());
        Assert.Equal("live", result.GetProperty("last").GetString());
    }

    private static long[] Longs(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetInt64()).ToArray();

    private static double?[] Doubles(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (double?)null : x.GetDouble()).ToArray();
}
