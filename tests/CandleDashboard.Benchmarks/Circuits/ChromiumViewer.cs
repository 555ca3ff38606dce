using System.Text.Json;
using CandleDashboard.Benchmarks.Latency;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// One real Chromium tab on a chart page, recording what the emulated tab records: how many
/// <c>applyUpdate</c> calls the chart module received (its own counter, <c>stats().updates</c>) and
/// each live candle as it arrives (a reviver on Blazor's JS interop JSON, which every
/// <c>applyUpdate</c> argument passes through before the chart module sees it; the reviver also sees
/// more candle objects than the module gets calls, so it times arrivals but does not count calls)
/// and, for context, each time the plot showed a changed newest candle (a MutationObserver, as the
/// latency harness does).
/// </summary>
public sealed class ChromiumViewer(IPage page)
{
    public static async Task<ChromiumViewer> OpenAsync(IBrowser browser, Uri pageUri)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 860 } });
        await page.GotoAsync(pageUri.ToString());
        await Assertions.Expect(page.Locator("[data-testid=candle-chart]")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 30_000 });
        await page.EvaluateAsync("""
            () => {
                window.__received = [];
                window.__drawn = [];
                const now = () => performance.timeOrigin + performance.now();
                DotNet.attachReviver((key, value) => {
                    if (value && typeof value === 'object' && !Array.isArray(value) && 't' in value && 'v' in value && 'o' in value && 'closed' in value)
                        window.__received.push({ at: now(), t: value.t, v: value.v });
                    return value;
                });
                const el = document.querySelector('[data-testid=candle-chart] .js-plotly-plot');
                let last = null;
                new MutationObserver(() => {
                    if (!el.data || el.data.length < 2) return;
                    const p = el.data[0], v = el.data[1], n = p.customdata.length;
                    if (!n) return;
                    const t = p.customdata[n - 1], vol = v.y[n - 1];
                    if (typeof vol === 'number' && (!last || last.t !== t || last.v !== vol)) window.__drawn.push(last = { at: now(), t, v: vol });
                }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """);
        return new ChromiumViewer(page);
    }

    /// <summary><c>applyUpdate</c> calls the page's chart module has received so far.</summary>
    public Task<int> UpdatesReceivedAsync() =>
        page.EvaluateAsync<int>("async () => (await import(new URL('js/candleChart.js', document.baseURI).href)).stats().updates");

    /// <summary>Live candles as they arrived in the page (comparable with the emulated tab's log).</summary>
    public Task<IReadOnlyList<ShownCandle>> ReceivedAsync() => ReadAsync("window.__received");

    /// <summary>Newest candles as the plot showed them.</summary>
    public Task<IReadOnlyList<ShownCandle>> DrawnAsync() => ReadAsync("window.__drawn");

    private async Task<IReadOnlyList<ShownCandle>> ReadAsync(string expression) =>
        [.. (await page.EvaluateAsync<JsonElement>($"() => {expression}")).EnumerateArray()
            .Select(e => new ShownCandle(e.GetProperty("at").GetDouble(), e.GetProperty("t").GetInt64(), e.GetProperty("v").GetDouble()))];

    public Task CloseAsync() => page.CloseAsync();
}
