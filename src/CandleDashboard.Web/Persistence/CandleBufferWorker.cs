using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Loads the startup candle buffers while the trade feed connects (a hosted service of its own,
/// so neither waits for the other), then keeps them current with closed live candles and data_updated.
/// </summary>
internal sealed class CandleBufferWorker(
    Venue venue,
    IDataUpdatedBus bus,
    IOptions<PersistenceOptions> options,
    TimeProvider timeProvider,
    ExchangeClock clock,
    ILogger<CandleBufferWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var buffers = venue.Buffers;
        // Subscribed before loading, so nothing that closes during the load is missed.
        using var closed = venue.Live.SubscribeAll(update =>
        {
            if (update.Candle.IsClosed)
            {
                buffers.OnCandleClosed(update);
            }
        });
        using var official = bus.Subscribe(message => _ = RefreshAsync(message, stoppingToken));
        try
        {
            // History from the exchange is written back to the stores, "closed" judged by the exchange's clock.
            await clock.WaitSynchronizedAsync(TradeFeedWorker.ExchangeClockBudget, stoppingToken);

            // Filling buffers is background work: no trader waits for it, and on an exchange with a small
            // request budget (Kraken: about a call a second) it must leave room for the chart loads a
            // trader does wait for. A chart opened before its buffer is full reads the tiers itself.
            using var background = ExchangeRequestPriority.BackgroundScope();
            var started = timeProvider.GetTimestamp();
            var parallelism = options.Value.BufferLoadParallelism;
            await buffers.LoadAllAsync(parallelism, stoppingToken);
            var statuses = buffers.Statuses;
            logger.LogInformation(
                "Loaded {Count} {Exchange} candle buffers in {Elapsed:0} ms ({Sources}); {Degraded} degraded",
                statuses.Count,
                venue.Id,
                timeProvider.GetElapsedTime(started).TotalMilliseconds,
                string.Join(", ", statuses.GroupBy(s => s.LoadedFrom ?? "none").Select(g => $"{g.Count()} from {g.Key}")),
                statuses.Count(s => s.State == BufferState.Degraded));
            if (!buffers.AllReady)
            {
                await WorkerBackoff.UntilDone("Reloading degraded candle buffers", logger, timeProvider)
                    .ExecuteAsync(async ct => await buffers.ReloadDegradedAsync(parallelism, ct), stoppingToken);
                logger.LogInformation("Every candle buffer is loaded after {Elapsed:0} ms", timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }

            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task RefreshAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        try
        {
            await venue.Buffers.OnDataUpdatedAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Refreshing the {Symbol} {Interval} buffer after data_updated failed", message.Symbol, message.Interval);
        }
    }
}
