using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Core.Fetching;

/// <summary>
/// Writes official candles to stores in the given order, then announces them with data_updated once
/// every one of those stores can serve them (<see cref="ICandleStore.FlushAsync"/>). Announcing
/// earlier would send charts to read a hole: with PostgreSQL behind its write queue, the row is not
/// there yet when the write returns.
/// </summary>
internal sealed class OfficialCandleCommitter(IDataUpdatedBus bus, ILogger logger)
{
    private int _deferred;

    /// <summary>Announcements waiting for a store to commit.</summary>
    public int DeferredAnnouncements => Volatile.Read(ref _deferred);

    /// <summary>Writes and announces (now, or once committed); returns the announcement.</summary>
    public async Task<DataUpdated> CommitAsync(SeriesKey series, IReadOnlyList<Candle> candles, IReadOnlyList<ICandleStore> stores, CancellationToken cancellationToken)
    {
        foreach (var store in stores)
        {
            await store.UpsertAsync(series, candles, cancellationToken).ConfigureAwait(false);
        }

        var message = new DataUpdated(series.Exchange, series.Symbol, series.Interval.Code, candles[0].OpenTime, candles[^1].OpenTime, candles.Count);
        var committed = Task.WhenAll(stores.Select(s => s.FlushAsync(cancellationToken)));
        if (committed.IsCompletedSuccessfully)
        {
            await bus.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A store queued the write. The caller goes on (other series and stores stay current);
            // this announcement follows the commit.
            Interlocked.Increment(ref _deferred);
            _ = AnnounceWhenCommittedAsync(committed, message, cancellationToken);
        }

        return message;
    }

    private async Task AnnounceWhenCommittedAsync(Task committed, DataUpdated message, CancellationToken cancellationToken)
    {
        try
        {
            await committed.ConfigureAwait(false);
            await bus.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the stores hold the candles; charts opened later read them anyway.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Announcing {Count} official {Symbol} {Interval} candles failed after they were committed", message.Count, message.Symbol, message.Interval);
        }
        finally
        {
            Interlocked.Decrement(ref _deferred);
        }
    }
}
