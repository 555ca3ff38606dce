namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// Settings of the PostgreSQL storage. The connection string comes from configuration
/// (<see cref="ConnectionStringSetting"/>); there is no default server and no default credential.
/// </summary>
public sealed class PostgresOptions
{
    /// <summary>The configuration setting that holds the connection string; named in every connection error.</summary>
    public const string ConnectionStringSetting = "ConnectionStrings:Postgres";

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Port=5432;Database=candles;Username=app;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Candles per INSERT statement; a larger upsert is split, all in one transaction.</summary>
    public int UpsertBatchSize { get; set; } = 10_000;

    /// <summary>Attempts per store operation (first try included) when the error is transient.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles per attempt, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Candles the <see cref="DurableCandleWriter"/> holds in memory while the database is down.
    /// When reached, writers wait (back-pressure) instead of anything being dropped.
    /// 200,000 candles is about 4.6 days of 1m candles for 30 series, roughly 60 MB.
    /// </summary>
    public int MaxQueuedCandles { get; set; } = 200_000;

    /// <summary>Longest pause between the durable writer's attempts while the database stays down.</summary>
    public TimeSpan WriterMaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On shutdown, how long the durable writer may keep writing its queue before it gives up (and logs what is left).</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a migrating instance waits for another instance's migration lock.</summary>
    public TimeSpan MigrationLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws with a message naming the bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"PostgreSQL connection string is empty: set {ConnectionStringSetting}.");
        }

        Positive(UpsertBatchSize, nameof(UpsertBatchSize));
        Positive(MaxAttempts, nameof(MaxAttempts));
        Positive(MaxQueuedCandles, nameof(MaxQueuedCandles));
        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), "Retry delays must be non-negative with RetryMaxDelay >= RetryBaseDelay.");
        }

        if (WriterMaxBackoff <= TimeSpan.Zero || MigrationLockTimeout <= TimeSpan.Zero || ShutdownFlushTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WriterMaxBackoff), "WriterMaxBackoff and MigrationLockTimeout must be positive, ShutdownFlushTimeout non-negative.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }
}
