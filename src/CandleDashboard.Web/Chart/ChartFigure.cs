using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Components.Layout;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.CandlestickLib;
using CandleHoverLabel = Plotly.Blazor.Traces.CandlestickLib.HoverLabel;
using DecreasingLine = Plotly.Blazor.Traces.CandlestickLib.DecreasingLib.Line;
using IncreasingLine = Plotly.Blazor.Traces.CandlestickLib.IncreasingLib.Line;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The whole figure of one chart as Plotly.Blazor objects: three traces, the layout and the config.
/// It is drawn through the library (<c>PlotlyChart.React</c>) when a series loads; after that
/// <c>candleChart.js</c> patches single candles in the same traces, so its layout must match:
/// </summary>
/// <remarks>
/// Plotly styles a candlestick trace as a whole (no per-point colours), so trace
/// <see cref="LiveTrace"/> draws live-built candles light and trace <see cref="OfficialTrace"/>
/// draws closed official klines solid. Each candle's prices sit in exactly one of the two; the
/// other holds nulls there, which plotly skips, so a redraw costs what one trace of all candles
/// costs. Both keep the same x and length. The live trace's <c>customdata</c> holds every open time
/// (epoch ms, exact; x holds UTC date text because plotly does not read epoch numbers as dates) and
/// its <c>text</c> says "official" or "live" per candle. The price line is shape 0 and its label
/// annotation 0.
/// </remarks>
public static class ChartFigure
{
    public const int LiveTrace = 0;
    public const int VolumeTrace = 1;
    public const int OfficialTrace = 2;

    public const string OfficialText = "official";
    public const string LiveText = "live";

    private const string UpLiveFill = "rgba(38, 166, 154, 0.28)";
    private const string DownLiveFill = "rgba(239, 83, 80, 0.28)";
    private const string UpVolume = "rgba(38, 166, 154, 0.45)";
    private const string DownVolume = "rgba(239, 83, 80, 0.45)";
    private const string UpLiveVolume = "rgba(38, 166, 154, 0.2)";
    private const string DownLiveVolume = "rgba(239, 83, 80, 0.2)";

    /// <summary>The traces of <paramref name="candles"/> (oldest first).</summary>
    public static IEnumerable<ITrace> Traces(IReadOnlyList<Candle> candles, string symbol, ChartColors colors)
    {
        var x = candles.Select(c => (object)DateText(c.OpenTime)).ToList();
        var times = candles.Select(c => (object)c.OpenTime).ToList();
        var hover = new CandleHoverLabel { BgColor = colors.HoverBackground, BorderColor = colors.HoverBorder, Font = new Plotly.Blazor.Traces.CandlestickLib.HoverLabelLib.Font { Color = colors.HoverText } };

        yield return new Candlestick
        {
            Name = symbol,
            XAxis = "x",
            YAxis = "y",
            X = x,
            CustomData = times,
            Open = Prices(candles, official: false, c => c.Open),
            High = Prices(candles, official: false, c => c.High),
            Low = Prices(candles, official: false, c => c.Low),
            Close = Prices(candles, official: false, c => c.Close),
            TextArray = candles.Select(c => SourceText(c)).ToList(),
            HoverInfo = HoverInfoFlag.None, // the legend line is the readout (chartLegend.js), in the chosen time zone
            Increasing = new Increasing { Line = new IncreasingLine { Color = DashboardTheme.Up, Width = 1 }, FillColor = UpLiveFill },
            Decreasing = new Decreasing { Line = new DecreasingLine { Color = DashboardTheme.Down, Width = 1 }, FillColor = DownLiveFill },
            WhiskerWidth = 0,
            HoverLabel = hover,
        };
        yield return new Bar
        {
            Name = "Volume",
            XAxis = "x",
            YAxis = "y2",
            X = [.. x],
            CustomData = [.. times],
            Y = candles.Select(c => (object)c.Volume).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = candles.Select(c => (object)VolumeColor(c)).ToList() },
            HoverInfo = Plotly.Blazor.Traces.BarLib.HoverInfoFlag.None,
        };
        yield return new Candlestick
        {
            Name = OfficialText,
            XAxis = "x",
            YAxis = "y",
            X = [.. x],
            CustomData = [.. times],
            Open = Prices(candles, official: true, c => c.Open),
            High = Prices(candles, official: true, c => c.High),
            Low = Prices(candles, official: true, c => c.Low),
            Close = Prices(candles, official: true, c => c.Close),
            TextArray = candles.Select(_ => OfficialText).ToList(),
            HoverInfo = HoverInfoFlag.None, // the legend line is the readout (chartLegend.js), in the chosen time zone
            Increasing = new Increasing { Line = new IncreasingLine { Color = DashboardTheme.Up, Width = 1 }, FillColor = DashboardTheme.Up },
            Decreasing = new Decreasing { Line = new DecreasingLine { Color = DashboardTheme.Down, Width = 1 }, FillColor = DashboardTheme.Down },
            WhiskerWidth = 0,
            HoverLabel = hover,
        };
    }

    /// <summary>Price pane above a volume pane, dark or light, with the last price as a dotted line and a label.</summary>
    public static Layout Layout(Candle? last, int decimals, ChartColors colors)
    {
        var lineColor = last is { } l ? CandleColor(l) : colors.Text;
        var price = last?.Close ?? 0m;
        return new Layout
        {
            PaperBgColor = colors.Background,
            PlotBgColor = colors.Background,
            Font = new Font { Color = colors.Text, Family = "Inter, \"Segoe UI\", system-ui, sans-serif", Size = 11 },
            Margin = new Margin { L = 8, R = 78, T = 8, B = 40 },
            ShowLegend = false,
            DragMode = DragModeEnum.Pan,
            HoverMode = HoverModeEnum.X,
            BarGap = 0.15m,
            XAxis =
            [
                new XAxis
                {
                    Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
                    Anchor = "y2",
                    RangeSlider = new Plotly.Blazor.LayoutLib.XAxisLib.RangeSlider { Visible = false },
                    GridColor = colors.Grid,
                    LineColor = colors.Grid,
                    ZeroLine = false,
                    ShowSpikes = true,
                    SpikeMode = Plotly.Blazor.LayoutLib.XAxisLib.SpikeModeFlag.Across,
                    SpikeSnap = Plotly.Blazor.LayoutLib.XAxisLib.SpikeSnapEnum.Cursor,
                    SpikeColor = colors.Spike,
                    SpikeThickness = 1,
                    SpikeDash = "dot",
                },
            ],
            YAxis =
            [
                new YAxis
                {
                    Domain = [0.24m, 1m],
                    Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right,
                    GridColor = colors.Grid,
                    LineColor = colors.Grid,
                    ZeroLine = false,
                    TickFormat = $",.{decimals}f",
                    HoverFormat = $",.{decimals}f",
                    FixedRange = false,
                    ShowSpikes = true,
                    SpikeMode = Plotly.Blazor.LayoutLib.YAxisLib.SpikeModeFlag.Across,
                    SpikeSnap = Plotly.Blazor.LayoutLib.YAxisLib.SpikeSnapEnum.Cursor,
                    SpikeColor = colors.Spike,
                    SpikeThickness = 1,
                    SpikeDash = "dot",
                },
                new YAxis
                {
                    Domain = [0m, 0.2m],
                    Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right,
                    GridColor = colors.Grid,
                    ZeroLine = false,
                    FixedRange = true, // fitted to the visible volumes and labelled in plain units by chartView.js
                },
            ],
            Shapes =
            [
                new Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                    XRef = "paper",
                    X0 = 0,
                    X1 = 1,
                    YRef = "y",
                    Y0 = price,
                    Y1 = price,
                    Line = new ShapeLine { Color = lineColor, Width = 1, Dash = "dot" },
                    Visible = last is not null ? Plotly.Blazor.LayoutLib.ShapeLib.VisibleEnum.True : Plotly.Blazor.LayoutLib.ShapeLib.VisibleEnum.False,
                },
            ],
            Annotations =
            [
                new Annotation
                {
                    XRef = "paper",
                    X = 1,
                    XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
                    YRef = "y",
                    Y = price,
                    ShowArrow = false,
                    Text = last is not null ? PriceFormat.Format(price, decimals) : "",
                    Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = "#ffffff", Size = 11 },
                    BgColor = lineColor,
                    BorderPad = 3,
                    Visible = last is not null,
                },
            ],
        };
    }

    /// <summary>
    /// No plotly logo, no selection or zoom tools (a chart is read, not edited), and no plotly wheel
    /// zoom or double-click: plotly's zoom both axes, while chartView.js zooms time around the
    /// pointer and fits prices to what is in view. Only the image download stays in the mode bar.
    /// </summary>
    public static Config Config() => new()
    {
        Responsive = true,
        DisplayLogo = false,
        ScrollZoom = Plotly.Blazor.ConfigLib.ScrollZoomFlag.False,
        DoubleClick = Plotly.Blazor.ConfigLib.DoubleClickEnum.False,
        ModeBarButtonsToRemove = new[] { "lasso2d", "select2d", "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d" },
    };

    /// <summary>Layout keys that change with the theme mode, for a relayout that leaves data and view alone.</summary>
    public static Dictionary<string, object> ThemePatch(ChartColors colors) => new()
    {
        ["paper_bgcolor"] = colors.Background,
        ["plot_bgcolor"] = colors.Background,
        ["font.color"] = colors.Text,
        ["xaxis.gridcolor"] = colors.Grid,
        ["xaxis.linecolor"] = colors.Grid,
        ["xaxis.spikecolor"] = colors.Spike,
        ["yaxis.gridcolor"] = colors.Grid,
        ["yaxis.linecolor"] = colors.Grid,
        ["yaxis.spikecolor"] = colors.Spike,
        ["yaxis2.gridcolor"] = colors.Grid,
    };

    /// <summary>UTC date text plotly reads on a date axis, to the millisecond.</summary>
    public static string DateText(long openTime) =>
        DateTimeOffset.FromUnixTimeMilliseconds(openTime).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string SourceText(in Candle c) => ChartCandle.IsOfficial(c) ? OfficialText : LiveText;

    private static List<object> Prices(IReadOnlyList<Candle> candles, bool official, Func<Candle, decimal> value) =>
        candles.Select(c => ChartCandle.IsOfficial(c) == official ? (object)value(c) : null!).ToList();

    private static string CandleColor(in Candle c) => c.Close >= c.Open ? DashboardTheme.Up : DashboardTheme.Down;

    private static string VolumeColor(in Candle c) => ChartCandle.IsOfficial(c)
        ? (c.Close >= c.Open ? UpVolume : DownVolume)
        : (c.Close >= c.Open ? UpLiveVolume : DownLiveVolume);
}
