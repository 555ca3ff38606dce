namespace CandleDashboard.Web.Chart;

/// <summary>How the price axis maps prices: evenly, by ratio, or as percent from the first visible candle.</summary>
public enum PriceScale
{
    Linear,
    Log,
    Percent,
}

public static class PriceScales
{
    public static IReadOnlyList<PriceScale> All { get; } = Enum.GetValues<PriceScale>();

    /// <summary>The spelling in URLs and in the browser module: "linear", "log", "percent".</summary>
    public static string Code(this PriceScale scale) => scale.ToString().ToLowerInvariant();

    public static string Label(this PriceScale scale) => scale switch
    {
        PriceScale.Log => "Logarithmic",
        PriceScale.Percent => "Percent",
        _ => "Linear",
    };

    public static bool TryParse(string? text, out PriceScale scale)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, candidate.Code(), StringComparison.OrdinalIgnoreCase))
            {
                scale = candidate;
                return true;
            }
        }

        scale = PriceScale.Linear;
        return false;
    }
}
