using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Api;

/// <summary>What can be asked for: the configured symbols and intervals.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/symbols", (SeriesCatalog catalog) => Results.Ok(catalog.Symbols))
            .WithName("GetSymbols")
            .WithSummary("Symbols served, in configured order.")
            .Produces<string[]>();

        api.MapGet("/intervals", (SeriesCatalog catalog) =>
                Results.Ok(catalog.Intervals.Select(i => new IntervalJson(i.Code, i.Milliseconds)).ToArray()))
            .WithName("GetIntervals")
            .WithSummary("Intervals offered, shortest first.")
            .Produces<IntervalJson[]>();

        return api;
    }
}
