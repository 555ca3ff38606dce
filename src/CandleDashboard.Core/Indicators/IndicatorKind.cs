using System.Diagnostics.CodeAnalysis;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// An indicator the engine computes: its name as clients write it (lower case), its parameters with
/// their defaults and ranges, and the names of its outputs (<see cref="IndicatorValue.Value"/>,
/// <see cref="IndicatorValue.Value2"/>, <see cref="IndicatorValue.Value3"/> in that order). The set is
/// fixed; <see cref="IndicatorSpec"/> is one of them with its parameters chosen.
/// </summary>
public sealed class IndicatorKind
{
    private IndicatorKind(string name, string title, IndicatorParameter[] parameters, string[] outputs)
    {
        Name = name;
        Title = title;
        Parameters = parameters;
        Outputs = outputs;
    }

    /// <summary>The name clients write, e.g. <c>ema</c>.</summary>
    public string Name { get; }

    /// <summary>The name people read, e.g. <c>Exponential moving average</c>.</summary>
    public string Title { get; }

    /// <summary>The parameters in the order the text form takes them positionally.</summary>
    public IReadOnlyList<IndicatorParameter> Parameters { get; }

    /// <summary>Names of the outputs, one for single-output indicators, three for Bollinger Bands and MACD.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Simple moving average of the close: the mean of the last N closes.</summary>
    public static readonly IndicatorKind Sma = new("sma", "Simple moving average", [IndicatorParameter.Period(20, "closes averaged")], ["sma"]);

    /// <summary>Exponential moving average of the close, seeded with the SMA of its first N closes.</summary>
    public static readonly IndicatorKind Ema = new("ema", "Exponential moving average", [IndicatorParameter.Period(20, "closes; smoothing 2/(period+1)")], ["ema"]);

    /// <summary>Linearly weighted moving average of the close (newest close weight N, oldest weight 1).</summary>
    public static readonly IndicatorKind Wma = new("wma", "Weighted moving average", [IndicatorParameter.Period(20, "closes, weighted N down to 1")], ["wma"]);

    /// <summary>Volume-weighted average price of the UTC day: restarts with the first candle at or after 00:00 UTC.</summary>
    public static readonly IndicatorKind Vwap = new("vwap", "VWAP (session from 00:00 UTC)", [], ["vwap"]);

    /// <summary>Volume-weighted average price anchored at the first candle of the loaded range.</summary>
    public static readonly IndicatorKind AnchoredVwap = new("avwap", "VWAP (anchored to the loaded range)", [], ["vwap"]);

    /// <summary>Bollinger Bands: SMA(period) ± k population standard deviations of the closes.</summary>
    public static readonly IndicatorKind Bollinger = new(
        "bollinger",
        "Bollinger Bands",
        [
            IndicatorParameter.Period(20, "closes in the average and the deviation", minimum: 2),
            new IndicatorParameter("k", 2m, 0.1m, 10m, IsWholeNumber: false, "standard deviations from the middle band"),
        ],
        ["middle", "upper", "lower"]);

    /// <summary>Wilder's relative strength index of the close.</summary>
    public static readonly IndicatorKind Rsi = new("rsi", "Relative strength index (Wilder)", [IndicatorParameter.Period(14, "close-to-close changes, Wilder-smoothed")], ["rsi"]);

    /// <summary>MACD: fast EMA − slow EMA of the close, its signal EMA and the histogram.</summary>
    public static readonly IndicatorKind Macd = new(
        "macd",
        "MACD",
        [
            new IndicatorParameter("fast", 12m, 1m, IndicatorParameter.MaxPeriod, IsWholeNumber: true, "period of the fast EMA"),
            new IndicatorParameter("slow", 26m, 2m, IndicatorParameter.MaxPeriod, IsWholeNumber: true, "period of the slow EMA (longer than fast)"),
            new IndicatorParameter("signal", 9m, 1m, IndicatorParameter.MaxPeriod, IsWholeNumber: true, "period of the signal EMA of the MACD line"),
        ],
        ["macd", "signal", "histogram"]);

    /// <summary>Wilder's average true range.</summary>
    public static readonly IndicatorKind Atr = new("atr", "Average true range (Wilder)", [IndicatorParameter.Period(14, "true ranges, Wilder-smoothed")], ["atr"]);

    /// <summary>Simple moving average of the volume (base asset).</summary>
    public static readonly IndicatorKind VolumeSma = new("volume_sma", "Volume moving average", [IndicatorParameter.Period(20, "volumes averaged")], ["volume_sma"]);

    /// <summary>Every indicator, in the order a picker lists them.</summary>
    public static IReadOnlyList<IndicatorKind> All { get; } = [Sma, Ema, Wma, Vwap, AnchoredVwap, Bollinger, Rsi, Macd, Atr, VolumeSma];

    /// <summary>The names, as messages list them: <c>sma, ema, …</c>.</summary>
    public static string NameList { get; } = string.Join(", ", All.Select(k => k.Name));

    /// <summary>Finds a kind by name; case-insensitive, surrounding white space ignored.</summary>
    public static bool TryFind([NotNullWhen(true)] string? name, [NotNullWhen(true)] out IndicatorKind? kind)
    {
        var trimmed = name?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = null;
        return false;
    }

    public override string ToString() => Name;
}
