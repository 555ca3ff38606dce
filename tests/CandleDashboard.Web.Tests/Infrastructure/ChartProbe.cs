using System.Text.Json;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>What the plotly chart on the page actually holds, read from the plot element's own data.</summary>
public sealed record ChartSnapshot(string Name, int Count, long FirstTime, long LastTime, double LastOpen, double LastClose, double PriceLine, int VolumeCount, string AxisType, string LastX);

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
            const p = el.data[0], v = el.data[1], n = p.customdata.length;
            return { name: p.name, count: n, firstTime: n ? p.customdata[0] : 0, lastTime: n ? p.customdata[n - 1] : 0,
                     lastOpen: n ? p.open[n - 1] : 0, lastClose: n ? p.close[n - 1] : 0,
                     priceLine: el.layout.shapes[0].y0, volumeCount: v.customdata.length,
                     axisType: el._fullLayout.xaxis.type, lastX: n ? String(p.x[n - 1]) : '' };
        }
        """;

    /// <summary>Waits until the chart is drawn (data-state=ready) and returns its contents.</summary>
    public static async Task<ChartSnapshot> WaitReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(Chart)).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        return (await ReadAsync(page))!;
    }

    public static async Task<ChartSnapshot?> ReadAsync(IPage page)
    {
        var json = await page.Locator(Chart).EvaluateAsync<JsonElement?>(ReadScript);
        return json is { ValueKind: JsonValueKind.Object } j
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
                j.GetProperty("lastX").GetString()!)
            : null;
    }

    /// <summary>
    /// Waits in the browser (requestAnimationFrame polling, Playwright's deadline) until the plotted
    /// series satisfies a JS predicate over (price trace, volume trace).
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
