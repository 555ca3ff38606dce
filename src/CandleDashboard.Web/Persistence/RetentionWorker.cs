using CandleDashboard.Storage.Postgres;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Enforces <see cref="PersistenceOptions.Retention"/> on PostgreSQL: shortly after startup, then every
/// <see cref="PersistenceOptions.RetentionEvery"/> on the app's <see cref="TimeProvider"/>. A failed interval is
/// logged, recorded in <see cref="RetentionStatus"/> and tried again at the next run; nothing here ever
/// ends the worker or stops the host (old rows can wait an hour, official candles cannot). With several
/// instances only the default venue's leader prunes (<paramref name="leadership"/>): the deletes are the same
/// on every instance, so one is enough.
/// </summary>
public sealed class RetentionWorker(
    ICandleRetention store,
    IReadOnlyList<RetentionRule> rules,
    RetentionStatus status,
    PersistenceOptions options,
    TimeProvider timeProvider,
    ILogger<RetentionWorker> logger,
    ScaleOut.VenueLeadership? leadership = null) : BackgroundService
{
    /// <summary>
    /// The first run waits this long: startup (migrations, buffers, the first fetch) gets the database first,
    /// yet a restart loop still prunes.
    /// </summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, timeProvider, stoppingToken);
            while (true)
            {
                if (leadership?.IsLeader ?? true)
                {
                    await RunOnceAsync(stoppingToken);
                }

                await Task.Delay(options.RetentionEvery, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every rule; an interval's failure does not keep the others from running.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            var cutoff = rule.CutoffAt(timeProvider.GetUtcNow());
            try
            {
                var deleted = await store.DeleteOlderThanAsync(rule.Interval, cutoff, options.RetentionBatchSize, cancellationToken);
                status.Record(new RetentionRun(rule.Interval, rule.Keep, timeProvider.GetUtcNow(), deleted, cutoff, null));
                if (deleted > 0)
                {
                    logger.LogInformation("Retention deleted {Rows} {Interval} candles opening before {Cutoff:O}",
                        deleted, rule.Interval.Code, DateTimeOffset.FromUnixTimeMilliseconds(cutoff));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var previous = status.Runs.FirstOrDefault(r => r.Interval == rule.Interval);
                status.Record(new RetentionRun(rule.Interval, rule.Keep, timeProvider.GetUtcNow(), previous?.RowsDeleted, cutoff, ex.Message));
                logger.LogError(ex, "Retention of {Interval} candles failed; next try in {Every}", rule.Interval.Code, options.RetentionEvery);
            }
        }
    }
}
