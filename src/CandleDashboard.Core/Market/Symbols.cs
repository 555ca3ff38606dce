using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CandleDashboard.Core.Market;

/// <summary>
/// Symbol text rules. Validating before a symbol reaches a URL, a stream name or a storage
/// key keeps hostile input (wildcards, separators, very long strings) out of all of them.
/// </summary>
public static partial class Symbols
{
    /// <summary>2–20 upper-case letters or digits, as exchanges write spot symbols.</summary>
    [GeneratedRegex("^[A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid([NotNullWhen(true)] string? symbol) => symbol is not null && Pattern().IsMatch(symbol);

    /// <summary>Upper-cases and validates; returns false for anything that is not a plausible symbol.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? symbol)
    {
        symbol = text?.Trim().ToUpperInvariant();
        if (IsValid(symbol))
        {
            return true;
        }

        symbol = null;
        return false;
    }
}
