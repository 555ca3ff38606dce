using CandleDashboard.Core.Exchange;
using Microsoft.JSInterop;

namespace CandleDashboard.Web.Chart;

/// <summary>Turns a failed chart load into what a trader can act on; details stay in the log.</summary>
public static class ChartLoadError
{
    /// <param name="IsUnknownSymbol">The exchange refused the symbol (not an outage).</param>
    public sealed record Description(string Message, bool IsUnknownSymbol, bool ShouldLogAsError);

    public static Description Describe(Exception exception, string symbol) => exception switch
    {
        UnknownSymbolException => new(
            $"Unknown symbol \"{symbol}\": the exchange does not list it.", true, false),
        ExchangeRateLimitException limit => new(
            $"The exchange is limiting requests right now. Try again in {Math.Max(1, (int)Math.Ceiling(limit.RetryAfter.TotalSeconds))} s.", false, false),
        ExchangeRejectedException rejected => new(
            $"The exchange refused the history request: {rejected.ExchangeMessage}", false, true),
        ExchangeUnavailableException or HttpRequestException or TimeoutException or TaskCanceledException => new(
            "The exchange could not be reached. Check the connection and try again.", false, false),
        ExchangeException => new(
            "The exchange sent history that could not be read. Try again in a moment.", false, true),
        JSException => new(
            "The chart could not be drawn in this browser (the chart library did not load). Reload the page.", false, true),
        _ => new("The chart could not be loaded. Please try again.", false, true),
    };
}
