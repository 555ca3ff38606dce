using System.Text.Json;
using System.Text.Json.Serialization;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Components.Layout;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// What a chart page's first response carries so the page can draw the chart before the circuit
/// starts (js/firstPaint.js): the candles the chart would draw (history merged with the live
/// candles), the figure's styles (traces without data, layout, config: the same
/// <see cref="ChartFigure"/> the circuit draws) and the settings the chart module keeps. When the
/// circuit's <see cref="CandleChart"/> starts on the same series it adopts that plot (see
/// <c>adoptFirstPaint</c> in candleChart.js) instead of drawing it again.
/// </summary>
/// <param name="Key">The series as <see cref="KeyOf"/> spells it: the circuit's chart adopts only a plot of its own series.</param>
/// <param name="Candles">Oldest first, as the chart module receives candles.</param>
/// <param name="Figure">Plotly's newPlot arguments; the traces' data arrays are filled in the browser from <paramref name="Candles"/>.</param>
public sealed record FirstPaint(
    string Key,
    string Symbol,
    string Interval,
    long IntervalMs,
    int PriceDecimals,
    int MaxCandles,
    long ServerNow,
    IReadOnlyList<ChartCandle> Candles,
    FirstPaintFigure Figure)
{
    // The default encoder escapes <, > and &: the text sits inside a <script type="application/json">
    // element, which must not be able to end it early.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One spelling of a chart's series on both sides: venue id, symbol and interval code.</summary>
    public static string KeyOf(string venueId, string symbol, Interval interval) => $"{venueId}:{symbol}:{interval.Code}";

    /// <summary>The figure and candles of <paramref name="candles"/> in the given theme.</summary>
    public static FirstPaint Of(string venueId, string symbol, Interval interval, IReadOnlyList<Candle> candles, int decimals, bool dark, long serverNow)
    {
        var colors = DashboardTheme.ChartColorsFor(dark);
        // Serialized by their runtime types, whose attributes name plotly's keys, as Plotly.Blazor hands them over.
        var traces = ChartFigure.Traces([], symbol, colors).Cast<object>().ToList();
        var figure = new FirstPaintFigure(traces, ChartFigure.Layout(candles.Count > 0 ? candles[^1] : null, decimals, colors), ChartFigure.Config());
        return new FirstPaint(
            KeyOf(venueId, symbol, interval), symbol, interval.Code, interval.Milliseconds, decimals, CandleChart.MaxCandles, serverNow,
            [.. candles.Select(c => ChartCandle.From(c))], figure);
    }

    /// <summary>The JSON text for the page's data block.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Plotly's newPlot arguments as Plotly.Blazor hands them to plotly.</summary>
public sealed record FirstPaintFigure(IReadOnlyList<object> Data, object Layout, object Config);
