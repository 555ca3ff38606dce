using System.Globalization;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// How Kraken writes numbers, from the simulator's 1e-8 units: REST decimals as strings with a fixed number
/// of places (<c>"105433.6"</c>, <c>"0.00027625"</c>), v2 prices and quantities as JSON numbers written exactly
/// (<c>105433.6</c>, never through a double), Trades times as seconds with their fraction (<c>1762795433.9717445</c>),
/// v2 timestamps as RFC 3339 with microseconds.
/// </summary>
internal static class KrakenNumbers
{
    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Units written with <paramref name="decimals"/> places (0…8), truncated toward zero beyond them.</summary>
    public static string Fixed(long units, int decimals)
    {
        var negative = units < 0;
        var magnitude = negative ? -units : units;
        var whole = magnitude / FixedPoint.UnitsPerOne;
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (decimals > 0)
        {
            var fraction = magnitude % FixedPoint.UnitsPerOne / Powers[FixedPoint.Scale - decimals];
            text += "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
        }

        return negative ? "-" + text : text;
    }

    /// <summary>The exact JSON number of the units: no trailing zeros, at least one decimal (<c>105434.0</c>, <c>0.00027625</c>).</summary>
    public static string Number(long units)
    {
        var text = FixedPoint.Format(units).TrimEnd('0');
        return text.EndsWith('.') ? text + "0" : text;
    }

    /// <summary>
    /// VWAP as Kraken's OHLC shows it: quote volume ÷ volume, truncated toward zero to the pair's decimals
    /// (the real 1m rows of XBTUSDT match the trades only when truncated; rounding disagrees in 71 of 272 minutes).
    /// No volume: 0.
    /// </summary>
    public static long Vwap(Int128 quoteVolume, long volume, int decimals)
    {
        if (volume <= 0)
        {
            return 0;
        }

        var step = Powers[FixedPoint.Scale - decimals];
        var units = (long)(quoteVolume / volume); // quote units are 1e-16, volume 1e-8: the quotient is in 1e-8
        return units / step * step;
    }

    /// <summary>Unix seconds with the fraction of a nanosecond time, trailing zeros dropped: <c>1762795433.9717445</c>.</summary>
    public static string Seconds(long ns)
    {
        var seconds = Math.DivRem(ns, 1_000_000_000L, out var fraction);
        if (fraction == 0)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + ".0";
        }

        return seconds.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>RFC 3339 with microseconds, as v2 writes times: <c>2025-11-10T17:23:53.971744Z</c>.</summary>
    public static string Rfc3339(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a decimal text (<c>"105433.60000"</c>, <c>1762795433.9717445</c>) exactly.</summary>
    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
