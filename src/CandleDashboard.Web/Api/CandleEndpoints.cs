using CandleDashboard.Contracts;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Metrics;

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
            .WithSummary("Recent candles of a series, oldest first, with the live forming candle last.")
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
        string? count,
        string? includeLive,
        SeriesCatalog catalog,
        ICandleHistory history,
        ILiveCandleStream live,
        DashboardMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!SeriesRequestParser.TryParse(symbol, interval, catalog, out var series, out var problem)
            || !SeriesRequestParser.TryParseCount(count, out var wanted, out problem)
            || !SeriesRequestParser.TryParseFlag(nameof(includeLive), includeLive, true, out var withLive, out problem))
        {
            return problem;
        }

        var slice = await history.LoadAsync(series.Symbol, series.Interval, wanted, cancellationToken);
        metrics.RowsFetched(slice.Candles.Count, slice.Source);
        IReadOnlyList<Candle> candles = withLive
            ? CandleMerge.WithLiveCandles(slice.Candles, live.GetLiveCandles(series.Symbol, series.Interval))
            // Closed candles only: the exchange tier may hand back its own forming kline too.
            : [.. slice.Candles.Where(c => c.IsClosed)];

        return Results.Ok(new CandlesResponse(
            series.Symbol,
            series.Interval.Code,
            slice.Source,
            GapJson.From(slice.Gap),
            [.. candles.TakeLast(wanted).Select(CandleJson.From)]));
    }

    private static async Task<IResult> GetLatestAsync(
        string symbol,
        string interval,
        SeriesCatalog catalog,
        ICandleHistory history,
        ILiveCandleStream live,
        DashboardMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!SeriesRequestParser.TryParse(symbol, interval, catalog, out var series, out var problem))
        {
            return problem;
        }

        if (Forming(live, series) is { } forming)
        {
            return Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, CandleJson.From(forming)));
        }

        var slice = await history.LoadAsync(series.Symbol, series.Interval, 1, cancellationToken);
        metrics.RowsFetched(slice.Candles.Count, slice.Source);
        return slice.Candles.Count > 0
            ? Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, CandleJson.From(slice.Candles[^1])))
            : NoCandleYet(series);
    }

    private static IResult GetLiveCandle(string? symbol, string? interval, SeriesCatalog catalog, ILiveCandleStream live)
    {
        if (!SeriesRequestParser.TryParse(symbol, interval, catalog, out var series, out var problem))
        {
            return problem;
        }

        return Forming(live, series) is { } forming
            ? Results.Ok(new SingleCandleResponse(series.Symbol, series.Interval.Code, CandleJson.From(forming)))
            : NoCandleYet(series);
    }

    private static Candle? Forming(ILiveCandleStream live, Series series) =>
        live.TryGetForming(series.Symbol, series.Interval, out var candle) ? candle : null;

    private static IResult NoCandleYet(Series series) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No candle yet",
            detail: $"No trade has been seen for {series.Symbol} {series.Interval.Code} since the server started; try again shortly.");
}
