namespace CandleDashboard.Exchange.Kraken.Pairs;

/// <summary>
/// Kraken's asset codes in the names the rest of the product (and every other venue) uses. Kraken
/// kept codes from its early days: XBT for bitcoin and XDG for dogecoin. The class-prefixed forms
/// (XXBT, ZUSD) never reach this: names are taken from <c>wsname</c> ("XBT/USD"), which has none.
/// </summary>
public static class KrakenAssetNames
{
    /// <summary>The two asset aliases; everything else is Kraken's code as written.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["XBT"] = "BTC",
        ["XDG"] = "DOGE",
    };

    /// <summary>The common code of one half of a <c>wsname</c> (XBT → BTC, XDG → DOGE, USDT → USDT).</summary>
    public static string Normalize(string krakenAsset)
    {
        ArgumentException.ThrowIfNullOrEmpty(krakenAsset);
        var code = krakenAsset.Trim().ToUpperInvariant();
        return Aliases.TryGetValue(code, out var common) ? common : code;
    }

    /// <summary>
    /// Base and quote of a <c>wsname</c> such as <c>XBT/USDT</c>, normalised; false for anything
    /// that is not two non-empty halves.
    /// </summary>
    public static bool TrySplitWebSocketName(string? wsname, out string baseAsset, out string quoteAsset)
    {
        baseAsset = quoteAsset = "";
        var slash = wsname?.IndexOf('/') ?? -1;
        if (wsname is null || slash <= 0 || slash == wsname.Length - 1 || wsname.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        baseAsset = Normalize(wsname[..slash]);
        quoteAsset = Normalize(wsname[(slash + 1)..]);
        return true;
    }
}
