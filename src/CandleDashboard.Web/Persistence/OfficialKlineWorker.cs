using CandleDashboard.Core.Fetching;
using CandleDashboard.Web.Metrics;

namespace CandleDashboard.Web.Persistence;

/// <summary>Runs the official-kline fetcher on startup and shortly after each interval closes.</summary>
internal sealed class OfficialKlineWorker(
    OfficialKlineFetcher fetcher,
    DashboardMetrics metrics,
    TimeProvider timeProvider,
    ILogger<OfficialKlineWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await fetcher.RunOnceAsync(stoppingToken);
                if (published.Count > 0)
                {
                    metrics.RowsFetched(published.Sum(p => p.Count), "exchange");
                    logger.LogInformation("Committed {Candles} official candles in {Series} series", published.Sum(p => p.Count), published.Count);
                }

                var next = fetcher.Status.NextRunAt ?? fetcher.NextRunAfter(timeProvider.GetUtcNow());
                var wait = next - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
