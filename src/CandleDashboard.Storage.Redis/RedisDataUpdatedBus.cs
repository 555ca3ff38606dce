using CandleDashboard.Core.Messaging;
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
    private readonly HandlerList<DataUpdated> _handlers = new();
    private readonly object _gate = new();
    private bool _subscribed;
    private long _malformed;
    private long _received;

    public RedisDataUpdatedBus(IConnectionMultiplexer connection, ILogger<RedisDataUpdatedBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _logger = logger ?? NullLogger<RedisDataUpdatedBus>.Instance;
        _handlers.HandlerFailed += ex => _logger.LogError(ex, "A data_updated handler threw");
    }

    /// <summary>Messages on the channel that were not a valid <see cref="DataUpdated"/>, skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Valid messages delivered to local handlers.</summary>
    public long ReceivedMessages => Interlocked.Read(ref _received);

    public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _connection.GetSubscriber().PublishAsync(RedisKeys.DataUpdatedChannel, DataUpdatedJson.Serialize(message));
    }

    /// <summary>
    /// Adds a local handler. The first call subscribes this connection to the channel and returns
    /// once Redis has confirmed it, so a message published afterwards by any instance is heard.
    /// While Redis is down the library keeps the subscription and re-sends it on reconnect.
    /// </summary>
    public IDisposable Subscribe(Action<DataUpdated> handler)
    {
        var handle = _handlers.Add(handler);
        EnsureSubscribed();
        return handle;
    }

    private void EnsureSubscribed()
    {
        lock (_gate)
        {
            if (_subscribed)
            {
                return;
            }

            _connection.GetSubscriber().Subscribe(RedisKeys.DataUpdatedChannel, (_, value) => OnMessage(value));
            _subscribed = true;
        }
    }

    private void OnMessage(RedisValue value)
    {
        if (!DataUpdatedJson.TryParse(value.IsNull ? null : (string?)value, out var message))
        {
            var count = Interlocked.Increment(ref _malformed);
            _logger.LogWarning("Skipped malformed message #{Count} on Redis channel {Channel}", count, RedisKeys.DataUpdatedChannel);
            return;
        }

        Interlocked.Increment(ref _received);
        _handlers.Invoke(message);
    }
}
