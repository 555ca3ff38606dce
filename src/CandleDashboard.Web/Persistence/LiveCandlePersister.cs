using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Keeps each series' forming candle in the live key (Redis), at most about once per second per
/// key, so a restarted instance resumes it (<see cref="LiveCandleResumer"/>). Closed candles are
/// not written: the live key holds the forming candle only, and official candles come from the fetcher.
/// </summary>
internal sealed class LiveCandlePersister(ILiveCandleStream liveCandles, ThrottledLiveCandleWriter writer, IExchange exchange) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = liveCandles.SubscribeAll(Offer);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await writer.FlushAsync(cancellationToken);
    }

    private void Offer(CandleUpdate update)
    {
        if (!update.Candle.IsClosed)
        {
            writer.Offer(new SeriesKey(exchange.Name, update.Symbol, update.Interval), update.Candle);
        }
    }
}
