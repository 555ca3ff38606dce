using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Api;

/// <summary>
/// Turns raw route and query text into a series, or into the ProblemDetails result that explains
/// what is wrong. Parameters are bound as strings on purpose: the framework's own binding failure
/// for "count=abc" is a bare 400 without a message. The series rules and messages are the
/// catalog's, the same as the hub's and the chart page's.
/// </summary>
public static class SeriesRequestParser
{
    public static bool TryParse(string? symbolText, string? intervalText, SeriesCatalog catalog, out Series series, out IResult problem)
    {
        var check = catalog.Check(symbolText, intervalText);
        series = check.IsValid ? check.Series : default;
        problem = check.Problem switch
        {
            SeriesProblem.None => Results.Empty,
            // Well-formed but not served: the resource does not exist here.
            SeriesProblem.UnknownSymbol => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown symbol", detail: check.Message),
            _ => Invalid(check.IsSymbolProblem ? "symbol" : "interval", check.Message),
        };
        return check.IsValid;
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

        problem = Invalid("count", $"Count '{InputEcho.Of(text)}' is not valid: expected a whole number from 1 to {ApiOptions.MaxCount}.");
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

        problem = Invalid(name, $"{name} '{InputEcho.Of(text)}' is not valid: expected true or false.");
        return false;
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: "Invalid request");
}
