using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hosting;

/// <summary>Pumps the exchange's trades into the live candle feed for the app's lifetime.</summary>
internal sealed class TradeFeedWorker(
    ITradeFeed tradeFeed,
    LiveCandleFeed liveCandles,
    IOptions<DashboardOptions> options,
    ILogger<TradeFeedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The clock closes candles and flushes coalesced updates even when no trade arrives.
        liveCandles.Start();
        var symbols = options.Value.EffectiveSymbols;
        logger.LogInformation("Streaming trades for {Symbols}", string.Join(", ", symbols));
        try
        {
            await tradeFeed.RunAsync(symbols.ToArray(), liveCandles, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception ex)
        {
            // The feed reconnects by itself; reaching here is a bug. Keep serving history (the badge
            // shows the feed as stale/offline) rather than taking the whole site down.
            logger.LogCritical(ex, "The trade feed stopped unexpectedly; live updates are off until restart");
        }
    }
}
