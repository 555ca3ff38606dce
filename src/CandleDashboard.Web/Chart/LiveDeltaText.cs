using System.Globalization;
using CandleDashboard.Core.Accuracy;

namespace CandleDashboard.Web.Chart;

/// <summary>How the chart words live vs official: per candle in the legend, per series in the header.</summary>
public static class LiveDeltaText
{
    /// <summary>"live = official", or the fields that differed, official − live: "live differed: C +0.01, vol −0.5, trades +1".</summary>
    public static string Describe(in LiveDelta delta)
    {
        if (delta.Matched)
        {
            return "live = official";
        }

        var parts = new List<string>();
        Add(parts, "O", delta.Open);
        Add(parts, "H", delta.High);
        Add(parts, "L", delta.Low);
        Add(parts, "C", delta.Close);
        Add(parts, "vol", delta.Volume);
        Add(parts, "trades", delta.TradeCount);

        return "live differed: " + string.Join(", ", parts);
    }

    /// <summary>"live = official on 98 of the last 100 candles · largest close Δ 0.01", or null before the first replaced candle.</summary>
    public static string? Summary(LiveAccuracy? accuracy)
    {
        if (accuracy is not { Compared: > 0 } a)
        {
            return null;
        }

        var text = $"live = official on {a.Matched} of the last {a.Compared} candle{(a.Compared == 1 ? "" : "s")}";
        return a.LargestCloseDifference == 0m ? text : $"{text} · largest close Δ {Exact(a.LargestCloseDifference)}";
    }

    // Differences are exact (the delta drops trailing zeros): 0.00001 shows as 0.00001, never as 0.00.
    private static void Add(List<string> parts, string name, decimal difference)
    {
        if (difference != 0m)
        {
            parts.Add($"{name} {(difference > 0 ? "+" : "−")}{Exact(Math.Abs(difference))}");
        }
    }

    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture); // never an exponent, unlike G29
}
