using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// The forming candle per series in its own string key (<see cref="RedisKeys.LiveCandle"/>), set
/// with a TTL in one <c>SET … EX</c>. Kept apart from the official set on purpose (seed 004): a live
/// candle built from trades must never shadow or be mistaken for the exchange's kline. Writes are
/// unthrottled here; the builder goes through <see cref="ThrottledLiveCandleWriter"/>.
/// </summary>
public sealed class RedisLiveCandleStore : ILiveCandleStore
{
    private readonly IConnectionMultiplexer _connection;
    private readonly TimeSpan _timeToLive;

    public RedisLiveCandleStore(IConnectionMultiplexer connection, TimeSpan? timeToLive = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _timeToLive = timeToLive ?? TimeSpan.FromHours(24);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_timeToLive, TimeSpan.Zero);
    }

    public Task SetAsync(SeriesKey series, Candle candle, CancellationToken cancellationToken) =>
        _connection.GetDatabase().StringSetAsync(RedisKeys.LiveCandle(series), RedisCandleCodec.Encode(candle), _timeToLive);

    public async Task<Candle?> GetAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        // The client takes no token: stop waiting when the caller gives up (the GET itself is harmless).
        var value = await _connection.GetDatabase().StringGetAsync(RedisKeys.LiveCandle(series)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : RedisCandleCodec.Decode(((string)value!).AsSpan());
    }
}
