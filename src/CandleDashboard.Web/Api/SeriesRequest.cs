using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Options;

namespace CandleDashboard.Web.Api;

/// <summary>A validated (symbol, interval) pair of a request.</summary>
public readonly record struct SeriesRequest(string Symbol, Interval Interval);

/// <summary>
/// Turns raw route and query text into a series, or into the ProblemDetails result that explains
/// what is wrong. Parameters are bound as strings on purpose: the framework's own binding failure
/// for "count=abc" is a bare 400 without a message.
/// </summary>
public static class SeriesRequestParser
{
    /// <summary>Longest text echoed back in a message; hostile input is not reflected in full.</summary>
    private const int EchoLimit = 32;

    public static bool TryParse(string? symbolText, string? intervalText, DashboardOptions dashboard, out SeriesRequest request, out IResult problem)
    {
        request = default;
        if (!Symbols.TryNormalize(symbolText, out var symbol))
        {
            problem = Invalid("symbol", $"Symbol '{Echo(symbolText)}' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.");
            return false;
        }

        var offered = dashboard.EffectiveIntervals;
        if (!Interval.TryParse(intervalText, out var interval) || !offered.Contains(interval))
        {
            problem = Invalid("interval", $"Interval '{Echo(intervalText)}' is not offered. Offered intervals: {string.Join(", ", offered.Select(i => i.Code))}.");
            return false;
        }

        if (!dashboard.EffectiveSymbols.Contains(symbol))
        {
            problem = Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown symbol",
                detail: $"Symbol '{symbol}' is not served here. Served symbols: {string.Join(", ", dashboard.EffectiveSymbols)}.");
            return false;
        }

        request = new SeriesRequest(symbol, interval);
        problem = Results.Empty;
        return true;
    }

    public static bool TryParseCount(string? text, out int count, out IResult problem)
    {
        problem = Results.Empty;
        if (string.IsNullOrEmpty(text))
        {
            count = ApiOptions.DefaultCount;
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= ApiOptions.MaxCount)
        {
            return true;
        }

        problem = Invalid("count", $"Count '{Echo(text)}' is not valid: expected a whole number from 1 to {ApiOptions.MaxCount}.");
        return false;
    }

    public static bool TryParseFlag(string name, string? text, bool fallback, out bool value, out IResult problem)
    {
        problem = Results.Empty;
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        if (bool.TryParse(text, out value))
        {
            return true;
        }

        problem = Invalid(name, $"{name} '{Echo(text)}' is not valid: expected true or false.");
        return false;
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: "Invalid request");

    /// <summary>
    /// The offending text as shown in a message: cut short, and anything but letters, digits,
    /// '.', '-', '_' shown as '?', so markup or control characters are never reflected back.
    /// </summary>
    private static string Echo(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var shown = text.Length <= EchoLimit ? text : text[..EchoLimit];
        var safe = string.Create(shown.Length, shown, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '?';
            }
        });
        return shown.Length < text.Length ? safe + "..." : safe;
    }
}
