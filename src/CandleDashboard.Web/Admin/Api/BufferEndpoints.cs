using CandleDashboard.Web.Api;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Admin.Api;

/// <summary>Operator API over the startup buffers; every route requires the Admin policy.</summary>
public static class BufferEndpoints
{
    public static IEndpointRouteBuilder MapBufferApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/buffers").RequireAuthorization(AdminPolicy.Name);
        group.MapGet("", GetAll);
        group.MapGet("/{symbol}/{interval}", GetOne);
        return endpoints;
    }

    // One exchange's buffers (?exchange=, default: the default venue), like the public API.
    private static IResult GetAll(string? exchange, VenueDirectory venues) =>
        VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            ? Results.Ok(venue.Buffers.Statuses
                .OrderBy(s => s.Symbol, StringComparer.Ordinal)
                .ThenBy(s => s.Interval.Milliseconds)
                .Select(s => BufferStatusDto.From(s, venue.LiveDeltas.AccuracyOf(s.Symbol, s.Interval))))
            : problem;

    private static IResult GetOne(string symbol, string interval, string? exchange, VenueDirectory venues)
    {
        // Same rules and answers as the public API: every served series has a buffer.
        if (!VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            || !SeriesRequestParser.TryParse(symbol, interval, venue.Catalog, out var series, out problem))
        {
            return problem;
        }

        var buffer = venue.Buffers.Get(series.Symbol, series.Interval);
        return buffer is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown series", detail: $"No buffer for {series}.")
            : Results.Ok(BufferStatusDto.From(buffer.Status, venue.LiveDeltas.AccuracyOf(series.Symbol, series.Interval)));
    }
}
