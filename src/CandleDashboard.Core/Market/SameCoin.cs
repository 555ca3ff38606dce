namespace CandleDashboard.Core.Market;

/// <summary>
/// The symbol of the same coin on another exchange, where quote currencies differ (Binance's BTCUSDT,
/// Kraken's BTCUSD): switching venue keeps the trader on the coin they were watching.
/// </summary>
public static class SameCoin
{
    /// <summary>A base asset is at least this long (BTC, ETH, SOL); a shorter shared prefix is not the same coin.</summary>
    private const int MinimumBaseLength = 3;

    /// <summary>
    /// The same symbol when offered; else the offered symbol sharing the longest prefix with it, of at
    /// least three characters (ties: the first offered); else null.
    /// </summary>
    public static string? Find(string symbol, IReadOnlyList<string> offered)
    {
        if (offered.Contains(symbol, StringComparer.Ordinal))
        {
            return symbol;
        }

        string? best = null;
        var bestLength = MinimumBaseLength - 1;
        foreach (var candidate in offered)
        {
            var shared = SharedPrefixLength(symbol, candidate);
            if (shared > bestLength)
            {
                (best, bestLength) = (candidate, shared);
            }
        }

        return best;
    }

    private static int SharedPrefixLength(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
