using CandleDashboard.Core.Feeds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// <see cref="ILiveCandleRelay"/> over Redis pub/sub, one channel per exchange (<see cref="RedisKeys.LiveCandles"/>).
/// Publishing is fire-and-forget: a live update is superseded a window later, so a lost one costs nothing
/// lasting, and the leader's trade path never waits for Redis. Each subscription reads its channel through a
/// message queue, which the client delivers in order (its plain callbacks may run concurrently).
/// </summary>
public sealed class RedisLiveCandleRelay(IConnectionMultiplexer connection, ILogger<RedisLiveCandleRelay>? logger = null) : ILiveCandleRelay
{
    private readonly ILogger _logger = logger ?? NullLogger<RedisLiveCandleRelay>.Instance;
    private long _malformed;
    private long _failedPublishes;

    /// <summary>Messages on a live-candle channel that were not a relayed candle, skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Publishes the client refused at once (Redis away); the next update supersedes each.</summary>
    public long FailedPublishes => Interlocked.Read(ref _failedPublishes);

    public void Publish(string exchange, RelayedCandle candle)
    {
        try
        {
            connection.GetSubscriber().Publish(RedisKeys.LiveCandles(exchange), RelayedCandleCodec.Encode(candle), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // Logged once per 1,000: with Redis away every update of every series fails alike.
            if (Interlocked.Increment(ref _failedPublishes) % 1_000 == 1)
            {
                _logger.LogWarning(ex, "Relaying live candles of {Exchange} to the other instances failed ({Failed} so far)", exchange, FailedPublishes);
            }
        }
    }

    public IDisposable Subscribe(string exchange, Action<RelayedCandle> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var channel = RedisKeys.LiveCandles(exchange);
        // Fire-and-forget: never blocks or throws for Redis being away. The client keeps the subscription and
        // sends it as soon as its connection is up, and again after every reconnect (a restarted Redis).
        var queue = connection.GetSubscriber().Subscribe(channel, CommandFlags.FireAndForget);
        queue.OnMessage(message => OnMessage(channel, message.Message, handler));
        return new Subscription(queue);
    }

    /// <summary>
    /// Waits until Redis has confirmed the subscriptions of this connection: after it returns true, what is
    /// published on a subscribed channel reaches its handler. For tests and callers that must know.
    /// </summary>
    public async Task<bool> WaitUntilSubscribedAsync(string exchange, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var subscriber = connection.GetSubscriber();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            try
            {
                // A subscriber's PING travels behind its SUBSCRIBE on the same connection: once the channel has its
                // server and a PING comes back, the subscription is in effect (again, after a reconnect).
                if (subscriber.SubscribedEndpoint(RedisKeys.LiveCandles(exchange)) is not null)
                {
                    await subscriber.PingAsync().WaitAsync(deadline.Token).ConfigureAwait(false);
                    return true;
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Not connected yet: ask again below.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            try
            {
                await Task.Delay(20, deadline.Token).ConfigureAwait(false); // poll until subscribed or the deadline
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue value, Action<RelayedCandle> handler)
    {
        if (!RelayedCandleCodec.TryDecode(value.IsNull ? null : (string?)value, out var relayed))
        {
            var count = Interlocked.Increment(ref _malformed);
            if (count == 1 || count % 1_000 == 0)
            {
                _logger.LogWarning("Skipped malformed message on Redis channel {Channel} ({Count} so far)", channel, count);
            }

            return;
        }

        try
        {
            handler(relayed);
        }
        catch (Exception ex)
        {
            // One failing update must not end the subscription: the queue would stop delivering.
            _logger.LogError(ex, "A relayed live candle of {Symbol} {Interval} could not be applied", relayed.Update.Symbol, relayed.Update.Interval);
        }
    }

    private sealed class Subscription(ChannelMessageQueue queue) : IDisposable
    {
        public void Dispose() => queue.Unsubscribe(CommandFlags.FireAndForget);
    }
}
