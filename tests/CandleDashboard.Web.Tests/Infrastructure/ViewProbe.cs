using System.Text.Json;
using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>What part of the series the chart shows, read from plotly's own layout and data.</summary>
/// <param name="VisibleLow">Lowest low of the candles in view, computed here from the plotted data (not by the app's code).</param>
public sealed record ChartView(
    double From, double To, double YLow, double YHigh, string YType, bool Following, bool Detached,
    long[] Times, double VisibleLow, double VisibleHigh, double FirstVisibleClose,
    string[] TimeTickText, double[] TimeTickValues, string[] PriceTickText, string[] VolumeTickText, double PlotLeft, double PlotTop,
    double PlotWidth, double PlotHeight)
{
    public double Span => To - From;
}

public static class ViewProbe
{
    private const string ReadScript = """
        area => {
            const el = area.querySelector('.js-plotly-plot');
            const xa = el._fullLayout.xaxis, ya = el._fullLayout.yaxis, y2 = el._fullLayout.yaxis2;
            const from = xa.r2l(xa.range[0]), to = xa.r2l(xa.range[1]);
            // Every held candle (plotly draws only a window of them around the view).
            const s = el._candleSeries, iv = s.t.length > 1 ? s.t[1] - s.t[0] : 60000;
            let lo = Infinity, hi = -Infinity, firstClose = null;
            for (let i = 0; i < s.t.length; i++) {
                const t = s.t[i];
                if (t < from - iv / 2 || t > to + iv / 2) continue;
                if (firstClose === null) firstClose = s.c[i];
                hi = Math.max(hi, s.h[i]); lo = Math.min(lo, s.l[i]);
            }
            const rect = el.getBoundingClientRect(), size = el._fullLayout._size;
            const text = a => (a.ticktext || []).map(String);
            return { from, to, yLow: ya.range[0], yHigh: ya.range[1], yType: ya.type,
                     following: el.dataset.following === 'true', detached: el.dataset.detached === 'true',
                     times: Array.from(s.t), visibleLow: lo, visibleHigh: hi, firstVisibleClose: firstClose ?? 0,
                     timeTickText: text(el.layout.xaxis), timeTickValues: (el.layout.xaxis.tickvals || []).map(v => xa.r2l(v)),
                     priceTickText: text(el.layout.yaxis), volumeTickText: text(el.layout.yaxis2),
                     plotLeft: rect.left + size.l, plotTop: rect.top + size.t, plotWidth: size.w, plotHeight: size.h };
        }
        """;

    public static async Task<ChartView> ReadAsync(IPage page)
    {
        var j = await page.Locator(ChartProbe.Chart).EvaluateAsync<JsonElement>(ReadScript);
        static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];
        return new ChartView(
            j.GetProperty("from").GetDouble(), j.GetProperty("to").GetDouble(),
            j.GetProperty("yLow").GetDouble(), j.GetProperty("yHigh").GetDouble(), j.GetProperty("yType").GetString()!,
            j.GetProperty("following").GetBoolean(), j.GetProperty("detached").GetBoolean(),
            [.. j.GetProperty("times").EnumerateArray().Select(x => x.GetInt64())],
            j.GetProperty("visibleLow").GetDouble(), j.GetProperty("visibleHigh").GetDouble(), j.GetProperty("firstVisibleClose").GetDouble(),
            Strings(j.GetProperty("timeTickText")), [.. j.GetProperty("timeTickValues").EnumerateArray().Select(x => x.GetDouble())],
            Strings(j.GetProperty("priceTickText")), Strings(j.GetProperty("volumeTickText")),
            j.GetProperty("plotLeft").GetDouble(), j.GetProperty("plotTop").GetDouble(),
            j.GetProperty("plotWidth").GetDouble(), j.GetProperty("plotHeight").GetDouble());
    }

    /// <summary>Waits until the plot's view is set (data-view) and the chart is ready, then reads it.</summary>
    public static async Task<ChartView> WaitViewAsync(IPage page)
    {
        await ChartProbe.WaitReadyAsync(page);
        await Assertions.Expect(page.Locator($"{ChartProbe.Plot}[data-view=ready]")).ToHaveCountAsync(1);
        return await ReadAsync(page);
    }

    /// <summary>Polls (in the browser) until a JS predicate over the plot element holds.</summary>
    public static Task WaitUntilAsync(IPage page, string predicate, object? arg = null, float timeoutMs = 15_000) =>
        page.WaitForFunctionAsync(
            $$"""
            arg => {
                const el = document.querySelector('{{ChartProbe.Plot}}');
                return !!el && !!el._fullLayout && ({{predicate}})(el, arg);
            }
            """,
            arg,
            new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 50 });

    /// <summary>The x range in epoch ms, as a JS expression over the plot element <c>el</c>.</summary>
    public const string RangeJs = "[el._fullLayout.xaxis.r2l(el._fullLayout.xaxis.range[0]), el._fullLayout.xaxis.r2l(el._fullLayout.xaxis.range[1])]";
}
