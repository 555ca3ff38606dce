using System.Diagnostics;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// <see cref="IDataUpdatedBus"/> over Redis pub/sub: <see cref="PublishAsync"/> sends JSON on
/// <see cref="RedisKeys.DataUpdatedChannel"/>, and every app instance subscribed to the channel
/// (this one included) hands it to its local handlers. Malformed messages are counted and skipped.
/// </summary>
public sealed class RedisDataUpdatedBus : IDataUpdatedBus
{
    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private readonly DataUpdatedHandlers _handlers;
    private readonly object _gate = new();
    private bool _subscribed;
    private long _malformed;

    public RedisDataUpdatedBus(IConnectionMultiplexer connection, ILogger<RedisDataUpdatedBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _logger = logger ?? NullLogger<RedisDataUpdatedBus>.Instance;
        _handlers = new DataUpdatedHandlers(_logger);
    }

    /// <summary>Messages on the channel that were not a valid <see cref="DataUpdated"/>, skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The client takes no token: a publish cannot be taken back once sent, so only a caller
        // that gave up before it starts is honoured.
        cancellationToken.ThrowIfCancellationRequested();
        return _connection.GetSubscriber().PublishAsync(RedisKeys.DataUpdatedChannel, DataUpdatedJson.Serialize(message));
    }

    /// <summary>
    /// Adds a local handler. The first call asks Redis to subscribe this connection to the channel
    /// and returns without waiting (never blocks or throws for Redis being away: the library
    /// subscribes as soon as its subscription link is up, and again after every reconnect). To know
    /// that messages published from now on will be heard, await <see cref="WaitUntilSubscribedAsync"/>.
    /// </summary>
    public IDisposable Subscribe(Action<DataUpdated> handler)
    {
        var handle = _handlers.Add(handler);
        EnsureSubscribed();
        return handle;
    }

    /// <summary>
    /// Subscribes if not yet done and waits until Redis has confirmed the subscription: after this
    /// returns true, every message published on the channel reaches this instance's handlers.
    /// For callers that must know (tests; a host that should not start before it hears commits);
    /// false when that did not happen within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitUntilSubscribedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        EnsureSubscribed();
        var subscriber = _connection.GetSubscriber();
        var started = Stopwatch.GetTimestamp();
        // The library records the server once it has sent SUBSCRIBE there (at once, or on connect).
        while (subscriber.SubscribedEndpoint(RedisKeys.DataUpdatedChannel) is null)
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // A subscriber's PING travels on the subscription connection, behind SUBSCRIBE: its
            // answer means the subscription is in effect on the server.
            var left = timeout - Stopwatch.GetElapsedTime(started);
            await subscriber.PingAsync().WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private void EnsureSubscribed()
    {
        lock (_gate)
        {
            if (_subscribed)
            {
                return;
            }

            // Registered once: the library keeps the handler in its own map even when the SUBSCRIBE
            // cannot be sent now, so a second registration would deliver every message twice.
            _subscribed = true;
            try
            {
                _connection.GetSubscriber().Subscribe(RedisKeys.DataUpdatedChannel, (_, value) => OnMessage(value), CommandFlags.FireAndForget);
            }
            catch (RedisException ex)
            {
                _logger.LogWarning(ex, "Subscribing to Redis channel {Channel} failed for now; the connection retries on reconnect", RedisKeys.DataUpdatedChannel);
            }
        }
    }

    private void OnMessage(RedisValue value)
    {
        if (!DataUpdatedJson.TryParse(value.IsNull ? null : (string?)value, out var message))
        {
            var count = Interlocked.Increment(ref _malformed);
            // Rate-limited: whoever can publish on the channel must not be able to flood the logs.
            if (count == 1 || count % 1_000 == 0)
            {
                _logger.LogWarning("Skipped malformed message on Redis channel {Channel} ({Count} so far)", RedisKeys.DataUpdatedChannel, count);
            }

            return;
        }

        _handlers.Invoke(message);
    }
}
