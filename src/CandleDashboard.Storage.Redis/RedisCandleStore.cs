using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// Official candles in Redis: one sorted set per series (score = open time, member = the compact
/// encoding of <see cref="RedisCandleCodec"/>), plus a metadata hash kept by the same atomic script,
/// so <see cref="GetMetadataAsync"/> is a single HMGET. Live candles never come here
/// (<see cref="RedisLiveCandleStore"/> has its own key).
/// </summary>
/// <remarks>
/// The client's commands take no cancellation token. Reads stop waiting when the caller's token
/// fires (the command itself ends with its reply or the client's timeout); an upsert checks the
/// token before each script, because a script that was sent runs to its end anyway.
/// </remarks>
public sealed class RedisCandleStore : ICandleStore
{
    /// <summary>
    /// Candles per script call. A script blocks Redis while it runs; bounded chunks keep every
    /// other client's latency low when a large backfill arrives. Each chunk is atomic on its own.
    /// </summary>
    internal const int CandlesPerScript = 1_000;

    private static readonly RedisValue[] MetaFields = ["earliest", "latest", "count"];

    private readonly IConnectionMultiplexer _connection;
    private readonly int _maxCandlesPerSeries;

    public RedisCandleStore(IConnectionMultiplexer connection, int maxCandlesPerSeries = 10_000)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandlesPerSeries, 1);
        _connection = connection;
        _maxCandlesPerSeries = maxCandlesPerSeries;
    }

    public string Name => "redis";

    public async Task UpsertAsync(SeriesKey series, IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candles);
        RedisKey[] keys = [RedisKeys.Candles(series), RedisKeys.CandlesMeta(series)];
        var db = _connection.GetDatabase();

        for (var start = 0; start < candles.Count; start += CandlesPerScript)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(candles.Count, start + CandlesPerScript);
            var args = new RedisValue[1 + 2 * (end - start)];
            args[0] = _maxCandlesPerSeries;
            for (int i = start, a = 1; i < end; i++, a += 2)
            {
                args[a] = candles[i].OpenTime;
                args[a + 1] = RedisCandleCodec.Encode(candles[i]);
            }

            await db.ScriptEvaluateAsync(CandleUpsertScript.Lua, keys, args).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<Candle>> GetRecentAsync(SeriesKey series, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        // Ranks -count..-1 are the newest `count` members, returned oldest first.
        var members = await _connection.GetDatabase()
            .SortedSetRangeByRankAsync(RedisKeys.Candles(series), -count, -1, Order.Ascending)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return Decode(members);
    }

    public async Task<IReadOnlyList<Candle>> GetRangeAsync(SeriesKey series, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken)
    {
        if (fromOpenTime > toOpenTime)
        {
            return [];
        }

        var members = await _connection.GetDatabase()
            .SortedSetRangeByScoreAsync(RedisKeys.Candles(series), fromOpenTime, toOpenTime, Exclude.None, Order.Ascending)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return Decode(members);
    }

    public async Task<SeriesMetadata?> GetMetadataAsync(SeriesKey series, CancellationToken cancellationToken)
    {
        var values = await _connection.GetDatabase()
            .HashGetAsync(RedisKeys.CandlesMeta(series), MetaFields)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        if (values.Length != 3 || values.Any(v => v.IsNull))
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var count = long.Parse((string)values[2]!, inv);
        return count == 0 ? null : new SeriesMetadata(long.Parse((string)values[0]!, inv), long.Parse((string)values[1]!, inv), count);
    }

    private static Candle[] Decode(RedisValue[] members)
    {
        var candles = new Candle[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            candles[i] = RedisCandleCodec.Decode(((string)members[i]!).AsSpan());
        }

        return candles;
    }
}
