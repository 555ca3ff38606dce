namespace CandleDashboard.Storage.Redis;

/// <summary>Settings of the Redis storage. The connection string comes from <c>ConnectionStrings:Redis</c>.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration setting that holds the connection string; named in every connection error.</summary>
    public const string ConnectionStringSetting = "ConnectionStrings:Redis";

    /// <summary>
    /// StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379</c> or
    /// <c>redis.internal:6379,password=…,ssl=true</c>. A password, if any, comes only from here:
    /// there is no default credential.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Official candles kept per series; older ones are trimmed on every upsert.</summary>
    public int MaxCandlesPerSeries { get; set; } = 10_000;

    /// <summary>How long a forming candle survives in Redis without being rewritten.</summary>
    public TimeSpan LiveCandleTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most one live candle write per series per this interval (<see cref="ThrottledLiveCandleWriter"/>).</summary>
    public TimeSpan LiveCandleWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws with a message naming the bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"Redis connection string is empty: set {ConnectionStringSetting}.");
        }

        if (MaxCandlesPerSeries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCandlesPerSeries), MaxCandlesPerSeries, "Keep at least one candle per series.");
        }

        if (LiveCandleTimeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LiveCandleTimeToLive), LiveCandleTimeToLive, "The live candle TTL must be positive.");
        }

        if (LiveCandleWriteInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LiveCandleWriteInterval), LiveCandleWriteInterval, "The live candle write interval cannot be negative.");
        }
    }
}
