using System.ComponentModel;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Api;

/// <summary>
/// Read-only candle endpoints. Deliberately absent: any endpoint that saves a live candle. Candles
/// are built on the server from the exchange's trades; letting a browser write them would let
/// any visitor forge every other trader's chart.
/// </summary>
public static class CandleEndpoints
{
    public static RouteGroupBuilder MapCandleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/candles/{symbol}/{interval}", GetCandlesAsync)
            .WithName("GetCandles")
            .WithSummary("Recent candles of a series, oldest first, with the live forming candle last; or, with before/endTime, the page of older candles before a time.")
            .WithDescription(
                "Without before/endTime: the newest `count` candles (with the live one when includeLive is on). "
                + "With before=T: at most `count` closed official candles opening before T, oldest first and consecutive, "
                + "no live candle, `gap` null. endTime=T is Binance's inclusive form of the same request (open time <= T, i.e. before=T+1). "
                + "To scroll back, pass the response's `nextBefore` as the next `before`; `reachedStart` true (and `nextBefore` null) "
                + "means the exchange has nothing older. Pages never overlap and leave no hole between them, except where the exchange's own history has one.")
            .Produces<CandlesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/candles/{symbol}/{interval}/latest", GetLatestAsync)
            .WithName("GetLatestCandle")
            .WithSummary("The newest candle of a series: the live forming one when a trade has been seen, else the newest stored one.")
            .Produces<SingleCandleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/candles/{symbol}/{interval}/live-accuracy", GetLiveAccuracy)
            .WithName("GetLiveAccuracy")
            .WithSummary("How closely this server's live-built candles matched the exchange's official klines that replaced them, over the series' last replaced candles.")
            .WithDescription(
                "Recorded by the server for every served series, whether or not anyone watches it: each time the exchange's official kline "
                + "replaces a candle built here from trades, the difference official − live is kept for the last `window` (100) such candles. "
                + "`matched` of `compared` were equal on open, high, low, close, volume and trade count; `largestCloseDifference` is the largest "
                + "|official − live| close among them. The per-candle differences are each official candle's `liveDelta` in /api/candles.")
            .Produces<LiveAccuracyJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/live-candle", GetLiveCandle)
            .WithName("GetLiveCandle")
            .WithSummary("The forming candle built on this server from the exchange's trades.")
            .Produces<SingleCandleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return api;
    }

    private static async Task<IResult> GetCandlesAsync(
        string symbol,
        string interval,
        [Description("How many candles: 1 to 1000, default 100.")] string? count,
        [Description("true (default) to end with the live forming candle; false for closed candles only. Not with before/endTime.")] string? includeLive,
        [Description("UTC epoch milliseconds, exclusive: the page of closed candles opening before this time (a time inside a bucket includes that bucket). Pass the previous response's nextBefore to scroll back. Not in the future; not with endTime.")] string? before,
        [Description("UTC epoch milliseconds, inclusive (Binance's endTime): candles opening at or before this time; endTime=T is before=T+1. Not in the future; not with before.")] string? endTime,
        [Description(VenueRequest.Description)] string? exchange,
        VenueDirectory venues,
        TimeProvider clock,
        DashboardMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem)
            || !SeriesRequestParser.TryParseCount(count, out var wanted, out problem)
            || !SeriesRequestParser.TryParseFlag(nameof(includeLive), includeLive, true, out var withLive, out problem)
            || !SeriesRequestParser.TryParsePageEnd(before, endTime, includeLive, clock.GetUtcNow().ToUnixTimeMilliseconds(), out var pageBefore, out problem))
        {
            return problem;
        }

        var read = await CandleRead.ReadAsync(series, wanted, withLive, pageBefore, venue.History, venue.Live, metrics, cancellationToken);
        return Results.Ok(new CandlesResponse(
            series.Symbol,
            series.Interval.Code,
            read.Source,
            read.Gap is { } gap ? GapJson.From(gap) : null,
            [.. read.Candles.Select(c => WithLiveDelta(c, series, venue.LiveDeltas))],
            read.ReachedStart,
            read.NextBefore));
    }

    private static async Task<IResult> GetLatestAsync(
        string symbol,
        string interval,
        [Description(VenueRequest.Description)] string? exchange,
        VenueDirectory venues,
        DashboardMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem))
        {
            return problem;
        }

        if (Forming(venue.Live, series) is { } forming)
        {
            return Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, CandleJson.From(forming)));
        }

        var slice = await venue.History.LoadAsync(series.Symbol, series.Interval, 1, cancellationToken);
        metrics.RowsFetched(slice.Candles.Count, slice.Source);
        return slice.Candles.Count > 0
            ? Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, WithLiveDelta(slice.Candles[^1], series, venue.LiveDeltas)))
            : NoCandleYet(series);
    }

    private static IResult GetLiveCandle(string? symbol, string? interval, [Description(VenueRequest.Description)] string? exchange, VenueDirectory venues)
    {
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem))
        {
            return problem;
        }

        return Forming(venue.Live, series) is { } forming
            ? Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, CandleJson.From(forming)))
            : NoCandleYet(series);
    }

    private static IResult GetLiveAccuracy(string symbol, string interval, [Description(VenueRequest.Description)] string? exchange, VenueDirectory venues)
    {
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem))
        {
            return problem;
        }

        // Every served series is recorded; a null here would be a served series without a log.
        return venue.LiveDeltas.AccuracyOf(series.Symbol, series.Interval) is { } accuracy
            ? Results.Ok(LiveAccuracyJson.From(accuracy))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown series", detail: $"No live accuracy is recorded for {series}.");
    }

    /// <summary>An official candle carries its live delta when its live version was recorded here.</summary>
    private static CandleJson WithLiveDelta(Candle candle, Series series, ILiveDeltaSource liveDeltas) =>
        candle.IsOfficial()
            ? CandleJson.From(candle, liveDeltas.DeltaAt(series.Symbol, series.Interval, candle.OpenTime))
            : CandleJson.From(candle);

    private static Candle? Forming(ILiveCandleStream live, Series series) =>
        live.TryGetForming(series.Symbol, series.Interval, out var candle) ? candle : null;

    private static IResult NoCandleYet(Series series) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No candle yet",
            detail: $"No trade has been seen for {series.Symbol} {series.Interval.Code} since the server started; try again shortly.");
}
