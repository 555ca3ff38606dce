namespace CandleDashboard.Storage.Redis;

/// <summary>
/// The Lua script behind <see cref="RedisCandleStore.UpsertAsync"/>. Redis runs a script
/// atomically, so a reader never sees a series with two candles for one open time, a half-written
/// batch or metadata that disagrees with the set.
/// </summary>
/// <remarks>
/// Why not <c>ZADD NX</c> as in the seeds: NX compares members, not scores, so a changed candle
/// (different member text, same open time) is added next to the old one. Here every candle first
/// removes whatever member has its score (open time), then adds itself: exactly one per open time,
/// latest values win.
/// KEYS[1] = candles set, KEYS[2] = metadata hash.
/// ARGV[1] = max candles kept per series; ARGV[2..] = pairs of (open time, encoded candle).
/// Returns the series' count after the upsert.
/// </remarks>
internal static class CandleUpsertScript
{
    public const string Lua = """
        local set, meta = KEYS[1], KEYS[2]
        local max = tonumber(ARGV[1])
        for i = 2, #ARGV, 2 do
          redis.call('ZREMRANGEBYSCORE', set, ARGV[i], ARGV[i])
          redis.call('ZADD', set, ARGV[i], ARGV[i + 1])
        end
        local count = redis.call('ZCARD', set)
        if count > max then
          redis.call('ZREMRANGEBYRANK', set, 0, count - max - 1)
          count = max
        end
        -- Open times come from the members' prefix, as exact integer text (a score read back
        -- through Lua would be a double).
        local first = redis.call('ZRANGE', set, 0, 0)[1]
        local last = redis.call('ZRANGE', set, -1, -1)[1]
        redis.call('HSET', meta,
          'earliest', string.match(first, '^(-?%d+),'),
          'latest', string.match(last, '^(-?%d+),'),
          'count', count)
        return count
        """;
}
