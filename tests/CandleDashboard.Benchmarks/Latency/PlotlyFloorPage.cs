using System.Globalization;
using System.Text;
using System.Text.Json;
using CandleDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// The floor for a page load: the least a page can do to show the chart's candles. Served by the
/// app under measurement (same server, same middleware and headers), it loads the same plotly
/// script from the same URL as the chart page and draws the same number of candles, embedded in
/// the HTML, as a candlestick and a volume bar trace with one newPlot call: no Blazor, no circuit,
/// no component library, no history request. The data rides in a JSON block and the drawing in a
/// same-origin script because the app's Content-Security-Policy allows no inline script.
/// </summary>
public static class PlotlyFloorPage
{
    public const string Path = "floor/candles";

    private const string ScriptPath = "/floor/draw.js";

    private const string Script = """
        const candles = JSON.parse(document.getElementById('candles').textContent);
        const x = candles.map(c => new Date(c[0]));
        Plotly.newPlot('plot', [
            { type: 'candlestick', x, open: candles.map(c => c[1]), high: candles.map(c => c[2]), low: candles.map(c => c[3]), close: candles.map(c => c[4]) },
            { type: 'bar', x, y: candles.map(c => c[5]), yaxis: 'y2' },
        ], {
            xaxis: { type: 'date', rangeslider: { visible: false } },
            yaxis: { domain: [0.25, 1] },
            yaxis2: { domain: [0, 0.2] },
            showlegend: false,
        }, { responsive: true });
        """;

    /// <summary>Maps the floor page onto an app built by <see cref="DashboardHost"/>.</summary>
    public static void Map(WebApplication app, int candles)
    {
        var html = Page(candles, app.Services.GetRequiredService<AssetVersions>().Url(PlotlyBundle.BundlePath));
        app.MapGet("/" + Path, () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet(ScriptPath, () => Results.Text(Script, "text/javascript"));
    }

    private static string Page(int count, string plotlyUrl)
    {
        // A deterministic random walk of 1m candles: the floor's numbers must not vary with the data.
        var random = new Random(12);
        var time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var price = 60_000.0;
        var rows = new List<double[]>(count);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open + (random.NextDouble() - 0.5) * 80;
            var high = Math.Max(open, close) + random.NextDouble() * 30;
            var low = Math.Min(open, close) - random.NextDouble() * 30;
            rows.Add([time + i * 60_000L, Math.Round(open, 2), Math.Round(high, 2), Math.Round(low, 2), Math.Round(close, 2), Math.Round(random.NextDouble() * 50, 3)]);
            price = close;
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>floor</title></head><body>");
        html.Append("<div id=\"plot\" style=\"width:100%;height:600px\"></div>");
        html.Append("<script type=\"application/json\" id=\"candles\">").Append(JsonSerializer.Serialize(rows)).Append("</script>");
        // The address the chart page loads plotly from, so both get the same bytes with the same caching.
        html.Append(CultureInfo.InvariantCulture, $"<script src=\"/{plotlyUrl}\"></script>");
        html.Append(CultureInfo.InvariantCulture, $"<script src=\"{ScriptPath}\"></script>");
        html.Append("</body></html>");
        return html.ToString();
    }
}
