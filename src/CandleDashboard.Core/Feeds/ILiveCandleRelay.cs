namespace CandleDashboard.Core.Feeds;

/// <summary>
/// Carries the live candles one instance builds to every other instance (Redis pub/sub across instances):
/// the instance that holds an exchange's connection publishes each coalesced update, and the others feed
/// them to their own <see cref="LiveCandleFeed"/> (<see cref="LiveCandleFeed.OnRelayed"/>), so a viewer on
/// any instance sees the same candle values.
/// </summary>
public interface ILiveCandleRelay
{
    /// <summary>Sends <paramref name="candle"/> of <paramref name="exchange"/>; never blocks (a lost message is superseded by the next).</summary>
    void Publish(string exchange, RelayedCandle candle);

    /// <summary>Receives <paramref name="exchange"/>'s candles in the order they were published. Dispose the handle to stop.</summary>
    IDisposable Subscribe(string exchange, Action<RelayedCandle> handler);
}
