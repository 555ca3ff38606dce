using Microsoft.JSInterop;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// What the browser remembers for charts (local storage, written by candleChart.js when the trader
/// changes them) and its own time zone: asked once when a chart page opens without ?tz=, ?scale= or ?ind=.
/// </summary>
public sealed class ChartPreferences(IJSRuntime js)
{
    public sealed record Stored(string? Zone, string? Scale, string? Indicators, string? BrowserZone);

    public async Task<Stored> ReadAsync(CancellationToken cancellationToken)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./js/candleChart.js");
        return await module.InvokeAsync<Stored>("preferences", cancellationToken);
    }

    /// <summary>Writes the chosen indicators into the URL and the browser's memory.</summary>
    public async Task RememberIndicatorsAsync(ChartIndicators indicators, CancellationToken cancellationToken)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./js/candleChart.js");
        await module.InvokeVoidAsync("rememberIndicators", cancellationToken, indicators.Text);
    }
}
