using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Keeps each series' forming candle in the live key (Redis), at most about once per second per
/// key, so a restarted or second instance can show it. Closed candles are not written: the live
/// key holds the forming candle only, and official candles come from the fetcher.
/// </summary>
internal sealed class LiveCandlePersister(LiveCandleFeed liveCandles, ThrottledLiveCandleWriter writer, CandleTiers tiers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        liveCandles.CandleUpdated += Offer;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        liveCandles.CandleUpdated -= Offer;
        await writer.FlushAsync(cancellationToken);
    }

    private void Offer(CandleUpdate update)
    {
        if (!update.Candle.IsClosed)
        {
            writer.Offer(new SeriesKey(tiers.Exchange, update.Symbol, update.Interval), update.Candle);
        }
    }
}
