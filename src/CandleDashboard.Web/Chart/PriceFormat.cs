using System.Globalization;

namespace CandleDashboard.Web.Chart;

/// <summary>Price precision a trader expects: cents for BTC, more digits as the price gets small.</summary>
public static class PriceFormat
{
    public static int DecimalsFor(decimal price) => Math.Abs(price) switch
    {
        >= 10m => 2,
        >= 1m => 4,
        >= 0.01m => 6,
        _ => 8,
    };

    public static string Format(decimal price, int decimals) =>
        price.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Format(decimal price) => Format(price, DecimalsFor(price));

    /// <summary>Compact volume: 1.23K, 4.56M.</summary>
    public static string Volume(decimal volume) => volume switch
    {
        >= 1_000_000_000m => (volume / 1_000_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000m => (volume / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1_000m => (volume / 1_000m).ToString("0.##", CultureInfo.InvariantCulture) + "K",
        _ => volume.ToString("0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>Signed change and percent change, e.g. "+12.50 (+0.02%)", as the crosshair legend writes it.</summary>
    public static string Change(decimal from, decimal to, int decimals)
    {
        var diff = to - from;
        var sign = diff > 0 ? "+" : diff < 0 ? "−" : "";
        var absolute = sign + Format(Math.Abs(diff), decimals);
        return from == 0 ? absolute : $"{absolute} ({sign}{(Math.Abs(diff / from) * 100m).ToString("0.00", CultureInfo.InvariantCulture)}%)";
    }
}
