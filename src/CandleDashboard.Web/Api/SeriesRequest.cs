using System.Globalization;
using CandleDashboard.Core.Indicators;
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

    /// <summary>
    /// Reads the scroll-back cursor of a page request. <c>before=T</c> asks for candles opening before T
    /// (exclusive; the <c>nextBefore</c> of the previous page); <c>endTime=T</c> is Binance's spelling, open
    /// time at most T (inclusive), so it is read as <c>before=T+1</c>. Neither given: no page (null).
    /// Both given, a non-number, a negative time or one after <paramref name="now"/> are refused, and so is
    /// an explicit <c>includeLive=true</c>: a page of older candles has no live candle, and a client asking
    /// for one should learn that rather than silently get none.
    /// </summary>
    public static bool TryParsePageEnd(string? beforeText, string? endTimeText, string? includeLiveText, long now, out long? before, out IResult problem)
    {
        before = null;
        problem = Results.Empty;
        var hasBefore = !string.IsNullOrEmpty(beforeText);
        var hasEndTime = !string.IsNullOrEmpty(endTimeText);
        if (hasBefore && hasEndTime)
        {
            problem = Invalid("before", "before and endTime cannot be combined: give one of them (endTime=T is the same as before=T+1).");
            return false;
        }

        if (!hasBefore && !hasEndTime)
        {
            return true;
        }

        var name = hasBefore ? "before" : "endTime";
        if (!TryParseTime(name, hasBefore ? beforeText : endTimeText, now, out var time, out problem))
        {
            return false;
        }

        if (bool.TryParse(includeLiveText, out var withLive) && withLive)
        {
            problem = Invalid("includeLive", $"includeLive=true cannot be combined with {name}: a page of older candles has no live candle. Leave includeLive out or set it to false.");
            return false;
        }

        // endTime is inclusive and not after now, so endTime + 1 cannot overflow.
        before = hasBefore ? time : time + 1;
        return true;
    }

    private static bool TryParseTime(string name, string? text, long now, out long time, out IResult problem)
    {
        problem = Results.Empty;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out time))
        {
            problem = Invalid(name, $"{name} '{InputEcho.Of(text)}' is not valid: expected a time in UTC epoch milliseconds, e.g. 1763892000000.");
            return false;
        }

        if (time < 0)
        {
            problem = Invalid(name, $"{name} '{time}' is not valid: a time in UTC epoch milliseconds is not negative.");
            return false;
        }

        if (time > now)
        {
            problem = Invalid(name, $"{name} '{time}' is in the future (server time {now}): pages hold candles that have already closed.");
            return false;
        }

        return true;
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

    /// <summary>
    /// Reads an indicator from its name and the query's other parameters (<c>name=bollinger&amp;period=20&amp;k=2.5</c>),
    /// with the engine's own rules and messages (unknown indicator, unknown parameter, out of range).
    /// </summary>
    public static bool TryParseIndicator(string? name, IEnumerable<KeyValuePair<string, string?>> parameters, out IndicatorSpec spec, out IResult problem)
    {
        var check = IndicatorSpec.Check(name, parameters);
        spec = check.Spec!;
        problem = check.IsValid ? Results.Empty : Invalid(check.Problem is IndicatorProblem.MissingName or IndicatorProblem.UnknownIndicator ? "name" : "parameters", check.Message);
        return check.IsValid;
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: "Invalid request");
}
