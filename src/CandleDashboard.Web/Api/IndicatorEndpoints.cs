using System.ComponentModel;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Api;

/// <summary>Indicator values aligned with the candles of <c>/api/candles</c>: the same series, count and paging.</summary>
public static class IndicatorEndpoints
{
    /// <summary>Query parameters of the request itself; every other one is a parameter of the indicator.</summary>
    private static readonly HashSet<string> RequestParameters = new(StringComparer.OrdinalIgnoreCase) { "name", "count", "includeLive", "before", "endTime", "exchange" };

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/indicators/{symbol}/{interval}", GetIndicatorAsync)
            .WithName("GetIndicator")
            .WithSummary("An indicator's values, one per candle of /api/candles with the same symbol, interval, count, includeLive and before/endTime.")
            .WithDescription(
                "name: one of " + IndicatorKind.NameList + ". The indicator's parameters are further query parameters by name, defaults when left out: "
                + string.Join("; ", IndicatorKind.All.Select(k => k.Parameters.Count == 0
                    ? $"{k.Name}: none"
                    : $"{k.Name}: {string.Join(", ", k.Parameters.Select(p => $"{p.Name} (default {p.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {p.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {p.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)})"))}"))
                + ". Each value is computed after a warm-up on the candles before the first one served (a period's worth; the day so far for vwap; none for avwap, which is anchored to the first candle served), "
                + "so the first value is already a full one where the series' history allows. Exponential indicators (ema, rsi, atr, macd) also remember "
                + "the candles before the warm-up ever more faintly, so two answers starting at different candles can differ in the last digits. "
                + "A value is null while the indicator has too little history or, for a VWAP, before any volume traded.")
            .Produces<IndicatorResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> GetIndicatorAsync(
        string symbol,
        string interval,
        [Description("The indicator's name, e.g. ema; its parameters are further query parameters (see the description).")] string? name,
        [Description("How many values (candles): 1 to 1000, default 100.")] string? count,
        [Description("As for /api/candles: true (default) to end with the forming candle's value.")] string? includeLive,
        [Description("As for /api/candles: the page of values of candles opening before this time (UTC epoch ms).")] string? before,
        [Description("As for /api/candles: candles opening at or before this time (UTC epoch ms).")] string? endTime,
        [Description(VenueRequest.Description)] string? exchange,
        HttpRequest request,
        VenueDirectory venues,
        TimeProvider clock,
        DashboardMetrics metrics,
        CancellationToken cancellationToken)
    {
        var parameters = request.Query
            .Where(q => !RequestParameters.Contains(q.Key))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()));
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem)
            || !SeriesRequestParser.TryParseIndicator(name, parameters, out var spec, out problem)
            || !SeriesRequestParser.TryParseCount(count, out var wanted, out problem)
            || !SeriesRequestParser.TryParseFlag(nameof(includeLive), includeLive, true, out var withLive, out problem)
            || !SeriesRequestParser.TryParsePageEnd(before, endTime, includeLive, clock.GetUtcNow().ToUnixTimeMilliseconds(), out var pageBefore, out problem))
        {
            return problem;
        }

        var read = await CandleRead.ReadAsync(series, wanted, withLive, pageBefore, venue.History, venue.Live, metrics, cancellationToken);
        var values = await venue.IndicatorHistory.ComputeAsync(series, spec, read.Candles, cancellationToken);
        return Results.Ok(new IndicatorResponse(
            series.Symbol,
            series.Interval.Code,
            spec.Text,
            spec.Kind.Outputs,
            read.Source,
            [.. values.Select(v => IndicatorPointJson.From(v, spec.Kind.Outputs))],
            read.ReachedStart,
            read.NextBefore));
    }
}
