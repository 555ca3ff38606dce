using System.ComponentModel;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Api;

/// <summary>What can be asked for: the configured exchanges, and each one's symbols and intervals.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/exchanges", (VenueDirectory venues) =>
                Results.Ok(venues.All.Select(v => new ExchangeJson(v.Id, v.DisplayName, v.IsDefault, v.Catalog.Symbols)).ToArray()))
            .WithName("GetExchanges")
            .WithSummary("Exchanges served, the default first, each with its symbols.")
            .Produces<ExchangeJson[]>();

        api.MapGet("/symbols", GetSymbols)
            .WithName("GetSymbols")
            .WithSummary("Symbols served on an exchange, in configured order.")
            .Produces<string[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/intervals", GetIntervals)
            .WithName("GetIntervals")
            .WithSummary("Intervals offered, shortest first.")
            .Produces<IntervalJson[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static IResult GetSymbols([Description(VenueRequest.Description)] string? exchange, VenueDirectory venues) =>
        VenueRequest.TryResolve(exchange, venues, out var venue, out var problem) ? Results.Ok(venue.Catalog.Symbols) : problem;

    private static IResult GetIntervals([Description(VenueRequest.Description)] string? exchange, VenueDirectory venues) =>
        VenueRequest.TryResolve(exchange, venues, out var venue, out var problem)
            ? Results.Ok(venue.Catalog.Intervals.Select(i => new IntervalJson(i.Code, i.Milliseconds)).ToArray())
            : problem;
}
