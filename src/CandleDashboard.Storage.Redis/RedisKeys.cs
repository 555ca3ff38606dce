using CandleDashboard.Core.Storage;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// Every Redis key and channel this project uses, in one place (documented in README.md).
/// Keys are only ever built from a <see cref="SeriesKey"/>, whose constructor has already
/// validated exchange, symbol and interval, so no caller text can reach a key unchecked
/// (no wildcards, separators or spaces: no key injection).
/// </summary>
public static class RedisKeys
{
    /// <summary>Pub/sub channel of <see cref="DataUpdated"/> messages (JSON); a literal name, never a pattern.</summary>
    public static RedisChannel DataUpdatedChannel { get; } = RedisChannel.Literal("data_updated");

    /// <summary>
    /// Prefix of every channel of the public hub's SignalR backplane (the web host's scale-out; the
    /// library appends the hub's type name and the purpose, e.g. <c>hub_backplane:…CandleHub:all</c>),
    /// so no backplane channel can be taken for <see cref="DataUpdatedChannel"/> or another app's.
    /// </summary>
    public const string HubBackplaneChannelPrefix = "hub_backplane:";

    /// <summary>List of the ASP.NET Core Data Protection key ring (one XML element per key), shared by every app instance.</summary>
    public const string DataProtectionKeys = "data_protection_keys";

    /// <summary>
    /// Pub/sub channel of one exchange's live candles, from the instance that holds its connection to the others:
    /// <c>live_candles:{exchange}</c> (exchange names are lower-case letters, checked here).
    /// </summary>
    public static RedisChannel LiveCandles(string exchange) => RedisChannel.Literal($"live_candles:{Checked(exchange, nameof(exchange))}");

    /// <summary>String holding a lease (<see cref="RedisLeaseProvider"/>), with an expiry: <c>lease:{name}</c>.</summary>
    public static string Lease(string name) => $"lease:{Checked(name, nameof(name))}";

    /// <summary>Sorted set of official candles, scored by open time: <c>candles:{exchange}:{symbol}:{interval}</c>.</summary>
    public static string Candles(SeriesKey series) => $"candles:{Suffix(series)}";

    /// <summary>Hash with fields earliest, latest, count of <see cref="Candles"/>: <c>candles_meta:{exchange}:{symbol}:{interval}</c>.</summary>
    public static string CandlesMeta(SeriesKey series) => $"candles_meta:{Suffix(series)}";

    /// <summary>String with the forming candle, with a TTL: <c>live_candle:{exchange}:{symbol}:{interval}</c>.</summary>
    public static string LiveCandle(SeriesKey series) => $"live_candle:{Suffix(series)}";

    // Names built from code (exchange ids, lease names), never from a request; refused rather than let a separator in.
    private static string Checked(string name, string parameter) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw new ArgumentException($"'{name}' is not a valid name for a Redis key or channel.", parameter);

    private static string Suffix(SeriesKey series)
    {
        // A default(SeriesKey) skipped the constructor's validation; refuse it rather than write "candles:::".
        if (series.Exchange is null || series.Symbol is null)
        {
            throw new ArgumentException("SeriesKey is not initialised (default value).", nameof(series));
        }

        return $"{series.Exchange}:{series.Symbol}:{series.Interval.Code}";
    }
}
