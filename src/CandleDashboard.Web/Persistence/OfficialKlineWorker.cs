using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Metrics;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Runs the official-kline fetcher on startup and shortly after each interval closes, and the store
/// reconciler after the first run and then every <see cref="FetcherOptions.ReconcileEvery"/>. A failed run
/// never ends the worker (and so never stops the host): it is logged, and the next run comes after
/// a backoff that grows while runs keep failing; the fetcher resumes from what the stores hold, so
/// nothing a failed run missed is skipped. With several instances, only the venue's leader runs them
/// (<see cref="ScaleOut.VenueLeadership"/>); should two overlap while a lease changes hands, both commit the same
/// official candles, and a commit is an upsert per open time, so no candle is doubled.
/// </summary>
internal sealed class OfficialKlineWorker(
    Venue venue,
    DashboardMetrics metrics,
    TimeProvider timeProvider,
    ExchangeClock clock,
    ILogger<OfficialKlineWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // "Closed" is the exchange's word: with the local clock ahead, a kline still forming there would
        // look closed here and be stored as official. Measure the clock first (bounded).
        try
        {
            if (!await clock.WaitSynchronizedAsync(TradeFeedWorker.ExchangeClockBudget, stoppingToken))
            {
                logger.LogWarning("Fetching official klines before the exchange's clock could be read");
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await venue.Leadership.RunWhileLeaderAsync(RunAsync, stoppingToken);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var (fetcher, reconciler, options) = (venue.Fetcher, venue.Reconciler, venue.FetcherOptions);
        var failures = 0;
        var nextReconcile = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await fetcher.RunOnceAsync(stoppingToken);
                if (published.Count > 0)
                {
                    metrics.RowsFetched(published.Sum(p => p.Count), "exchange");
                    logger.LogInformation("Committed {Candles} official {Exchange} candles in {Series} series", published.Sum(p => p.Count), venue.Id, published.Count);
                }

                // Back off only when the exchange failed every series: one broken series (say, a delisted
                // symbol) must not delay the official candles of all the others.
                failures = fetcher.Status.AllFailed ? failures + 1 : 0;
                if (timeProvider.GetUtcNow() >= nextReconcile)
                {
                    var statuses = await reconciler.RunOnceAsync(stoppingToken);
                    metrics.RowsFetched(statuses.Sum(s => s.Refetched), "exchange");
                    nextReconcile = timeProvider.GetUtcNow() + options.ReconcileEvery;
                }

                var next = fetcher.Status.NextRunAt ?? fetcher.NextRunAfter(timeProvider.GetUtcNow());
                await WaitAsync(Max(next - timeProvider.GetUtcNow(), WorkerBackoff.After(failures)), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The fetcher records per-series failures itself; this is anything else. Never fatal.
                failures++;
                logger.LogError(ex, "The official {Exchange} kline fetcher run failed; next run in {Delay:0.0} s", venue.Id, WorkerBackoff.After(failures).TotalSeconds);
                await WaitAsync(WorkerBackoff.After(failures), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait > TimeSpan.Zero ? Task.Delay(wait, timeProvider, cancellationToken) : Task.CompletedTask;
}
