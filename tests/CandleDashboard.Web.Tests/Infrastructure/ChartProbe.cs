using System.Text.Json;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>What the plotly chart on the page actually holds, read from the plot element's own data.</summary>
/// <remarks><see cref="ReadoutClose"/> is the close the legend's forming-candle readout shows (null before it shows one).</remarks>
public sealed record ChartSnapshot(string Name, int Count, long FirstTime, long LastTime, double LastOpen, double LastClose, double PriceLine, int VolumeCount, string AxisType, string LastX, double? ReadoutClose);

public static class ChartProbe
{
    /// <summary>The chart area; its data-state says loading, ready or failed.</summary>
    public const string Chart = "[data-testid=candle-chart]";

    /// <summary>The plotly graph inside it (drawn by Plotly.Blazor).</summary>
    public const string Plot = "[data-testid=candle-chart] .js-plotly-plot";

    private const string ReadScript = """
        area => {
            const el = area.querySelector('.js-plotly-plot');
            if (!el || !el.data || el.data.length < 2) return null;
            // Every candle the chart holds (plotly draws a window of them around the view).
            const p = el.data[0], s = el._candleSeries, n = s ? s.t.length : p.customdata.length, w = p.x.length;
            const pick = (key, short) => s ? s[short][n - 1] : p[key][n - 1];
            const card = area.closest('.chart-card'), readout = card && card.querySelector('[data-testid=last-close]');
            return { name: p.name, count: n, firstTime: n ? (s ? s.t[0] : p.customdata[0]) : 0, lastTime: n ? (s ? s.t[n - 1] : p.customdata[n - 1]) : 0,
                     lastOpen: n ? pick('open', 'o') : 0, lastClose: n ? pick('close', 'c') : 0,
                     priceLine: el.layout.shapes[0].y0, volumeCount: s ? s.v.length : el.data[1].customdata.length,
                     axisType: el._fullLayout.xaxis.type, lastX: w ? String(p.x[w - 1]) : '',
                     readoutClose: readout && readout.dataset.value ? Number(readout.dataset.value) : null };
        }
        """;

    /// <summary>Waits until the chart is drawn (data-state=ready) and returns its contents.</summary>
    public static async Task<ChartSnapshot> WaitReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(Chart)).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        return (await ReadAsync(page))!;
    }

    public static async Task<ChartSnapshot?> ReadAsync(IPage page) =>
        Parse(await page.Locator(Chart).EvaluateAsync<JsonElement?>(ReadScript));

    private static ChartSnapshot? Parse(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } j
            ? new ChartSnapshot(
                j.GetProperty("name").GetString()!,
                j.GetProperty("count").GetInt32(),
                j.GetProperty("firstTime").GetInt64(),
                j.GetProperty("lastTime").GetInt64(),
                j.GetProperty("lastOpen").GetDouble(),
                j.GetProperty("lastClose").GetDouble(),
                j.GetProperty("priceLine").GetDouble(),
                j.GetProperty("volumeCount").GetInt32(),
                j.GetProperty("axisType").GetString()!,
                j.GetProperty("lastX").GetString()!,
                j.GetProperty("readoutClose") is { ValueKind: JsonValueKind.Number } readout ? readout.GetDouble() : null)
            : null;

    /// <summary>
    /// Waits until the price line and the legend's readout stand at the newest held candle's close and
    /// returns the chart then.
    /// A forming-candle update changes the held series at once but redraws (price line included) on the
    /// next animation frame, so a read in between sees the previous line.
    /// </summary>
    public static async Task<ChartSnapshot> WaitForPriceLineAsync(IPage page, float timeoutMs = 5_000)
    {
        // The snapshot is taken in the same evaluation that sees the line at the close: a second read
        // afterwards could land after the next live update and see its close with the old line again.
        var handle = await page.WaitForFunctionAsync(
            $$"""
            () => {
                const area = document.querySelector('{{Chart}}');
                if (!area || area.dataset.state !== 'ready') return null;
                const snap = ({{ReadScript}})(area);
                return snap && snap.count > 0 && snap.priceLine === snap.lastClose && snap.readoutClose === snap.lastClose ? snap : null;
            }
            """,
            null,
            new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        return Parse(await handle.JsonValueAsync<JsonElement>())!;
    }

    /// <summary>
    /// Waits in the browser (requestAnimationFrame polling, Playwright's deadline) until the plotted
    /// series satisfies a JS predicate over (price trace, volume trace, arg, plot element). The traces
    /// hold the window plotly draws (around the view, with the newest candle while following);
    /// every held candle is in <c>el._candleSeries</c>.
    /// </summary>
    public static async Task WaitForAsync(IPage page, string predicate, object? arg, float timeoutMs)
    {
        await page.WaitForFunctionAsync(
            $$"""
            arg => {
                const area = document.querySelector('{{Chart}}');
                const el = area && area.querySelector('.js-plotly-plot');
                if (!el || !el.data || el.data.length < 2 || area.dataset.state !== 'ready') return false;
                const p = el.data[0], v = el.data[1];
                return ({{predicate}})(p, v, arg, el);
            }
            """,
            arg,
            new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
    }
}
