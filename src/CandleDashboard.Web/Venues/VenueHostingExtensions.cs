using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.ScaleOut;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Venues;

public static class VenueHostingExtensions
{
    /// <summary>
    /// The configured venues (<see cref="VenuePlan"/>) as a <see cref="VenueDirectory"/>, and each venue's
    /// own workers: its lease, its trade pump, its startup buffers and, unless turned off, its official-kline fetcher.
    /// Every venue runs its workers separately, so one exchange's outage never holds another's candles back.
    /// </summary>
    public static WebApplicationBuilder AddVenues(this WebApplicationBuilder builder, VenuePlan plan)
    {
        var services = builder.Services;
        services.AddSingleton(plan);
        services.AddSingleton(sp =>
        {
            var factory = new VenueFactory(sp);
            var dashboard = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new VenueDirectory(
                [.. plan.Venues.Select((settings, k) => factory.Create(settings, isDefault: k == 0))],
                dashboard.DefaultSymbol,
                dashboard.DefaultInterval);
        });

        var persistence = builder.Configuration.GetSection(PersistenceOptions.SectionName).Get<PersistenceOptions>() ?? new PersistenceOptions();
        foreach (var venue in plan.Venues)
        {
            services.AddVenueWorker<LeadershipWorker>(venue.Id);
            services.AddVenueWorker<TradeFeedWorker>(venue.Id);
            services.AddVenueWorker<CandleBufferWorker>(venue.Id);
            if (persistence.FetchOfficialKlines)
            {
                services.AddVenueWorker<OfficialKlineWorker>(venue.Id);
            }
        }

        return builder;
    }

    private static void AddVenueWorker<TWorker>(this IServiceCollection services, string venue)
        where TWorker : IHostedService =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TWorker>(sp, sp.GetRequiredService<VenueDirectory>().Get(venue)));
}
