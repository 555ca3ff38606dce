using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.ScaleOut;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Pumps a venue's trades into the live candle feed for the app's lifetime, while this instance leads the
/// venue (<see cref="VenueLeadership"/>). First, when a live candle store is configured, the forming candles
/// saved before a restart are resumed, so a restart does not restart the current buckets from nothing. With
/// several instances (a relay configured), a follower takes the leader's candles from the relay instead, and the
/// leader publishes every coalesced update to it; a follower that becomes the leader continues the relayed
/// buckets with its own trades.
/// </summary>
internal sealed class TradeFeedWorker(
    Venue venue,
    TimeProvider timeProvider,
    ExchangeClock clock,
    ILogger<TradeFeedWorker> logger,
    LiveCandleResumer? resumer = null,
    ILiveCandleRelay? relay = null) : BackgroundService
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

            while (!stoppingToken.IsCancellationRequested)
            {
                var term = await FollowUntilLeaderAsync(stoppingToken);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(term, stoppingToken);
                await StreamAsync(symbols, both.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    /// <summary>Takes the leader's candles from the relay (if there is one) until this instance leads; returns the term's token.</summary>
    private async Task<CancellationToken> FollowUntilLeaderAsync(CancellationToken stoppingToken)
    {
        var feed = venue.Feed;
        var leadership = venue.Leadership;
        if (relay is null || leadership.IsLeader)
        {
            return await leadership.WaitForTermAsync(stoppingToken);
        }

        logger.LogInformation("Following another instance's {Exchange} live candles until this one leads", venue.Id);
        feed.FollowsRelay = true;
        try
        {
            using var following = relay.Subscribe(venue.Exchange.Name, relayed =>
            {
                feed.OnRelayed(relayed);
                leadership.OnRelayed();
            });
            return await leadership.WaitForTermAsync(stoppingToken);
        }
        finally
        {
            // From here this instance builds the candles: its trades continue the relayed buckets, its clock closes them.
            feed.FollowsRelay = false;
        }
    }

    /// <summary>Streams the exchange's trades into the feed (and its updates to the relay) until the term or the app ends.</summary>
    private async Task StreamAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var feed = venue.Feed;
        var exchange = venue.Exchange;
        using var publishing = relay is null ? null : feed.SubscribeAll(update => relay.Publish(exchange.Name, feed.ToRelayed(update)));
        try
        {
            // The feed reconnects by itself; an exception out of it is a bug. Rather than leave the site
            // without live candles until someone restarts it, the feed is started again with backoff.
            await WorkerBackoff.UntilDone("The trade feed", logger, timeProvider).ExecuteAsync(
                async ct =>
                {
                    logger.LogInformation("Streaming {Exchange} trades for {Symbols}", exchange.Name, string.Join(", ", symbols));
                    await exchange.Trades.RunAsync(symbols.ToArray(), feed, ct);
                    return ct.IsCancellationRequested; // returning otherwise is a bug: run it again
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The term or the app ended: another instance streams from now on, or nobody.
        }
    }
}
