using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Reads the forming candles saved in the live candle store (written by
/// <see cref="LiveCandlePersister"/>) and hands them to the live feed before the first trade, so
/// each current bucket continues where the previous run left it. Bounded in time: a slow store
/// delays the live feed by at most <see cref="Budget"/>, then the feed starts without it.
/// </summary>
public sealed class LiveCandleResumer(ILiveCandleStore store, ILogger<LiveCandleResumer> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>Resumes what it can; returns how many series continued a saved candle.</summary>
    public async Task<int> ResumeAsync(string exchange, LiveCandleFeed feed, IReadOnlyList<string> symbols, IReadOnlyList<Interval> intervals, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var reads = symbols
            .SelectMany(symbol => intervals.Select(interval => new SeriesKey(exchange, symbol, interval)))
            .Select(series => ReadAsync(series, budget.Token))
            .ToArray();
        var resumed = 0;
        foreach (var (series, candle) in await Task.WhenAll(reads))
        {
            if (candle is { } saved && feed.Resume(series.Symbol, series.Interval, saved))
            {
                resumed++;
            }
        }

        logger.LogInformation("Resumed {Resumed} of {Series} forming candles saved before the restart", resumed, reads.Length);
        return resumed;
    }

    // One series at a time: an unreadable key or a slow read costs that series its resume, not the others.
    private async Task<(SeriesKey Series, Candle? Candle)> ReadAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        try
        {
            return (series, await store.GetAsync(series, cancellationToken));
        }
        catch (Exception ex)
        {
            // That series' live candle starts from the next trades, as without a store.
            logger.LogWarning(ex, "The forming {Series} candle saved before the restart could not be read; it starts over", series);
            return (series, null);
        }
    }
}
