using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Keeps each series' forming candle, of every venue, in the live key (Redis), at most about once per second per
/// key, so a restarted instance resumes it (<see cref="LiveCandleResumer"/>). Closed candles are
/// not written: the live key holds the forming candle only, and official candles come from the fetcher.
/// Only a venue's leader writes: a follower's candles are the leader's, relayed.
/// </summary>
internal sealed class LiveCandlePersister(VenueDirectory venues, ThrottledLiveCandleWriter writer) : IHostedService
{
    private IDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions = [.. venues.All.Select(venue => venue.Live.SubscribeAll(update => Offer(venue, update)))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        await writer.FlushAsync(cancellationToken);
    }

    private void Offer(Venue venue, CandleUpdate update)
    {
        if (!update.Candle.IsClosed && venue.Leadership.IsLeader)
        {
            writer.Offer(new SeriesKey(venue.Exchange.Name, update.Symbol, update.Interval), update.Candle);
        }
    }
}
