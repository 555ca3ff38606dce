using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Indicators;

public static class IndicatorHostingExtensions
{
    /// <summary>
    /// The indicator engine's services: <see cref="IndicatorHistory"/> (values over a page of candles, for
    /// the API and scroll-back) and <see cref="SharedIndicatorSet"/> (the live calculators charts and hub
    /// followers share), over the same history, live stream and data_updated bus as the charts.
    /// </summary>
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new IndicatorHistory(sp.GetRequiredService<ICandleHistory>()));
        services.AddSingleton(sp => new SharedIndicatorSet(
            new SharedIndicatorSources(
                sp.GetRequiredService<ILiveCandleStream>(),
                sp.GetRequiredService<ICandleHistory>(),
                sp.GetRequiredService<IDataUpdatedBus>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IExchange>().Name),
            // A chart draws this many candles on load; the calculator holds them and the warm-up before.
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value.HistoryCandles,
            sp.GetService<ILogger<SharedIndicatorSet>>()));
        return builder;
    }
}
