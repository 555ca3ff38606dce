using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Pumps a venue's trades into the live candle feed for the app's lifetime. First, when a
/// live candle store is configured, the forming candles saved before a restart are resumed, so a
/// restart does not restart the current buckets from nothing.
/// </summary>
internal sealed class TradeFeedWorker(
    Venue venue,
    TimeProvider timeProvider,
    ExchangeClock clock,
    ILogger<TradeFeedWorker> logger,
    LiveCandleResumer? resumer = null) : BackgroundService
{
    internal static readonly TimeSpan ExchangeClockBudget = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The clock closes candles and flushes coalesced updates even when no trade arrives.
        var liveCandles = venue.Feed;
        var exchange = venue.Exchange;
        liveCandles.Start();
        var symbols = venue.Catalog.Symbols;
        try
        {
            // Buckets close by the exchange's clock: know it before the first trade (bounded, so an
            // unreachable time endpoint delays live candles by seconds, not forever).
            if (!await clock.WaitSynchronizedAsync(ExchangeClockBudget, stoppingToken))
            {
                logger.LogWarning("The exchange's clock could not be read within {Budget}; live candles start on the local clock", ExchangeClockBudget);
            }

            if (resumer is not null)
            {
                await resumer.ResumeAsync(exchange.Name, liveCandles, symbols, venue.Catalog.Intervals, stoppingToken);
            }

            // The feed reconnects by itself; an exception out of it is a bug. Rather than leave the site
            // without live candles until someone restarts it, the feed is started again with backoff.
            await WorkerBackoff.UntilDone("The trade feed", logger, timeProvider).ExecuteAsync(
                async ct =>
                {
                    logger.LogInformation("Streaming {Exchange} trades for {Symbols}", exchange.Name, string.Join(", ", symbols));
                    await exchange.Trades.RunAsync(symbols.ToArray(), liveCandles, ct);
                    return ct.IsCancellationRequested; // returning otherwise is a bug: run it again
                },
                stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
