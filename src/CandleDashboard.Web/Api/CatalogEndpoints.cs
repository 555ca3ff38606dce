using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Api;

/// <summary>What can be asked for: the configured symbols and intervals.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/symbols", (IOptions<DashboardOptions> dashboard) => Results.Ok(dashboard.Value.EffectiveSymbols))
            .WithName("GetSymbols")
            .WithSummary("Symbols served, in configured order.")
            .Produces<string[]>();

        api.MapGet("/intervals", (IOptions<DashboardOptions> dashboard) =>
                Results.Ok(dashboard.Value.EffectiveIntervals.Select(i => new IntervalJson(i.Code, i.Milliseconds)).ToArray()))
            .WithName("GetIntervals")
            .WithSummary("Intervals offered, shortest first.")
            .Produces<IntervalJson[]>();

        return api;
    }
}
