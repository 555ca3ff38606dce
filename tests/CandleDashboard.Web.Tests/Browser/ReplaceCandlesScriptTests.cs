using System.Text.Json;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// candleChart.js replaceCandles on a plot of known candles shaped as ChartFigure draws them (a
/// scratch element on the app's page, so the real plotly and module are used): in-place
/// replacement, holes filled, nothing appended.
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
                el.id = 'scratch-plot';
                el.style.width = '600px'; el.style.height = '300px';
                document.body.appendChild(el);
                // The figure ChartFigure.cs builds, for buckets 0, 1, 3 (2 missing) and 4 (forming), all live-built.
                const times = [0, 60000, 180000, 240000], closes = [101, 102, 103, 104];
                const x = times.map(t => new Date(t).toISOString().replace('T', ' ').replace('Z', ''));
                const nulls = times.map(() => null);
                await window.Plotly.newPlot(el, [
                    { type: 'candlestick', name: 'TEST', x, customdata: times.slice(), open: times.map(() => 100), high: closes.slice(),
                      low: times.map(() => 100), close: closes.slice(), text: times.map(() => 'live') },
                    { type: 'bar', yaxis: 'y2', x: x.slice(), customdata: times.slice(), y: times.map(() => 1), marker: { color: times.map(() => 'grey') } },
                    { type: 'candlestick', name: 'official', x: x.slice(), customdata: times.slice(), open: nulls.slice(), high: nulls.slice(),
                      low: nulls.slice(), close: nulls.slice(), text: times.map(() => 'official') },
                ], { shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: 104, y1: 104 }],
                     annotations: [{ xref: 'paper', x: 1, yref: 'y', y: 104, text: '104.00', showarrow: false }] });
                const drawn = await chart.whenDrawn('scratch-plot', { symbol: 'TEST', count: 4, lastOpenTime: 240000 }, { priceDecimals: 2, maxCandles: 1000, intervalMs: 60000 }, 5000);
                const official = (t, c) => ({ t, o: 100, h: Math.max(100, c), l: Math.min(100, c), c, v: 5, closed: true, official: true });
                const inserted = await chart.replaceCandles('scratch-plot',
                    [official(-60000, 90), official(60000, 99), official(120000, 98), official(300000, 97)]);
                const p = el.data[0], v = el.data[1], o = el.data[2];
                const out = { drawn, inserted, times: p.customdata, text: p.text, liveClose: p.close, officialClose: o.close, volume: v.y,
                              volumeTimes: v.customdata, officialTimes: o.customdata, count: el.dataset.officialCount, last: el.dataset.lastSource };
                chart.forget('scratch-plot');
                window.Plotly.purge(el);
                el.remove();
                return out;
            }
            """);

        Assert.True(result.GetProperty("drawn").GetBoolean());
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
