using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Admin.Api;

/// <summary>Operator API over the startup buffers; every route requires the Admin policy.</summary>
public static class BufferEndpoints
{
    public static IEndpointRouteBuilder MapBufferApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/buffers").RequireAuthorization(AdminPolicy.Name);
        group.MapGet("", (CandleBufferSet buffers) =>
            Results.Ok(buffers.Statuses
                .OrderBy(s => s.Symbol, StringComparer.Ordinal)
                .ThenBy(s => s.Interval.Milliseconds)
                .Select(BufferStatusDto.From)));
        group.MapGet("/{symbol}/{interval}", GetOne);
        return endpoints;
    }

    private static IResult GetOne(string symbol, string interval, CandleBufferSet buffers)
    {
        if (!Symbols.TryNormalize(symbol, out var normalized))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid symbol", detail: "A symbol is 2-20 letters or digits, e.g. BTCUSDT.");
        }

        if (!Interval.TryParse(interval, out var parsed))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid interval",
                detail: $"Known intervals: {string.Join(", ", Interval.All.Select(i => i.Code))}.");
        }

        var buffer = buffers.Get(normalized, parsed);
        return buffer is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown series", detail: $"No buffer for {normalized} {parsed.Code}.")
            : Results.Ok(BufferStatusDto.From(buffer.Status));
    }
}
