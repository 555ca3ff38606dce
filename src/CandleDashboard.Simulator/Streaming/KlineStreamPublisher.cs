using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Feeds <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c> streams the way Binance does: the forming kline is pushed
/// periodically (x=false) and, once its bucket has ended, its final state once with x=true. A bucket counts
/// as ended only when the symbol's trade source has moved past it (<see cref="SymbolMarket.Watermark"/>), so
/// the final push equals the REST kline even if the generator runs late.
/// </summary>
internal sealed class KlineStreamPublisher(StreamHub hub, IReadOnlyDictionary<string, SymbolMarket> markets, TimeProvider timeProvider)
{
    public static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<StreamName, long> _lastPushedOpenTime = [];

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PushInterval, timeProvider, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            PushOnce();
        }
    }

    internal void PushOnce()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var topic in hub.ActiveKlineTopics())
        {
            if (!markets.TryGetValue(topic.Name.Symbol, out var market))
            {
                continue; // well-formed but unlisted symbol: silent, as on Binance
            }

            var streamTime = Math.Min(now, market.Watermark);
            var interval = BinanceIntervals.All[topic.Name.IntervalIndex];
            var currentOpen = interval.Floor(streamTime);
            if (_lastPushedOpenTime.TryGetValue(topic.Name, out var previousOpen) && previousOpen < currentOpen)
            {
                Push(topic, market, previousOpen, isClosed: true, streamTime, now);
            }

            Push(topic, market, currentOpen, isClosed: false, streamTime, now);
            _lastPushedOpenTime[topic.Name] = currentOpen;
        }
    }

    private static void Push(StreamTopic topic, SymbolMarket market, long openTime, bool isClosed, long streamTime, long eventTime)
    {
        var bars = market.ReadKlines(topic.Name.IntervalIndex, openTime, openTime, 1, newestFirst: false, now: streamTime);
        if (bars.Count == 1)
        {
            StreamHub.Publish(topic, KlineEventEncoder.Encode(market.Symbol, BinanceIntervals.All[topic.Name.IntervalIndex], bars[0], isClosed, eventTime));
        }
    }
}
