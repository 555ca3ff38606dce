using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Api;

namespace CandleDashboard.Web.Admin.Api;

/// <summary>Operator API over the startup buffers; every route requires the Admin policy.</summary>
public static class BufferEndpoints
{
    public static IEndpointRouteBuilder MapBufferApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/buffers").RequireAuthorization(AdminPolicy.Name);
        group.MapGet("", (CandleBufferSet buffers, ILiveDeltaSource liveDeltas) =>
            Results.Ok(buffers.Statuses
                .OrderBy(s => s.Symbol, StringComparer.Ordinal)
                .ThenBy(s => s.Interval.Milliseconds)
                .Select(s => BufferStatusDto.From(s, liveDeltas.AccuracyOf(s.Symbol, s.Interval)))));
        group.MapGet("/{symbol}/{interval}", GetOne);
        return endpoints;
    }

    private static IResult GetOne(string symbol, string interval, SeriesCatalog catalog, CandleBufferSet buffers, ILiveDeltaSource liveDeltas)
    {
        // Same rules and answers as the public API: every served series has a buffer.
        if (!SeriesRequestParser.TryParse(symbol, interval, catalog, out var series, out var problem))
        {
            return problem;
        }

        var buffer = buffers.Get(series.Symbol, series.Interval);
        return buffer is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown series", detail: $"No buffer for {series}.")
            : Results.Ok(BufferStatusDto.From(buffer.Status, liveDeltas.AccuracyOf(series.Symbol, series.Interval)));
    }
}
