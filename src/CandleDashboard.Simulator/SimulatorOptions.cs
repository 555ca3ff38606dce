namespace CandleDashboard.Simulator;

/// <summary>Settings of one <see cref="ExchangeSimulator"/>. Defaults give a lively four-symbol market.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Spot symbols to list and trade (upper case, as Binance writes them).</summary>
    public IReadOnlyList<string> Symbols { get; set; } = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"];

    /// <summary>Mean rate of the seeded random walk; arrivals are Poisson (exponential gaps).</summary>
    public double TradesPerSecondPerSymbol { get; set; } = 20;

    /// <summary>Burst mode: raises the rate so that all symbols together trade at least 5,000 times a second.</summary>
    public bool Burst { get; set; }

    /// <summary>Seed of the walk and of the history; same seed and start time give the same market.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>A Binance trades CSV to replay instead of the random walk for its symbol.</summary>
    public string? ReplayFile { get; set; }

    /// <summary>Symbol the replay file trades; when null it is taken from the file name (<c>BTCUSDT-trades-….csv</c>), else the first of <see cref="Symbols"/>.</summary>
    public string? ReplaySymbol { get; set; }

    /// <summary>Replay speed: 1 plays the file in real time, N compresses every gap N times.</summary>
    public double ReplaySpeed { get; set; } = 1;

    /// <summary>
    /// Pause between start and the first replayed trade, so clients can connect first (tests use it).
    /// Replayed times are shifted so the first row trades at start + this delay.
    /// </summary>
    public TimeSpan ReplayDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How often the server sends a WebSocket ping frame (Binance: 20 s).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the server waits for the pong before dropping the connection (Binance: 1 minute).</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Binance drops every stream connection after 24 hours; so does the simulator (<see cref="Timeout.InfiniteTimeSpan"/>: never).</summary>
    public TimeSpan MaxConnectionLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Loopback port to listen on; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>Clock of trades, klines, server time and connection lifetimes.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How far back the generated history reaches (bounds the 1d, 12h and 8h series).</summary>
    public TimeSpan HistoryLength { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Closed klines of history each interval gets at start, at most (1s is set separately).</summary>
    public int HistoryCandlesPerInterval { get; set; } = 1000;

    /// <summary>How much 1s history exists at start (15s/30s charts are assembled from 1s klines).</summary>
    public TimeSpan OneSecondHistory { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A series longer than this drops its oldest tenth, so a long-running simulator stays small.</summary>
    public int MaxKlinesPerSeries { get; set; } = 100_000;

    /// <summary>A client whose unsent backlog exceeds this many frames is dropped, as Binance drops slow consumers.</summary>
    public int MaxPendingFramesPerConnection { get; set; } = 100_000;

    /// <summary>
    /// Pairs the Kraken side lists, as product symbols (<c>BTCUSD</c>) or Kraken names (<c>XBTUSD</c>, <c>XXBTZUSD</c>,
    /// <c>BTC/USD</c>). Each trades its own seeded walk, independent of the Binance symbols'. Empty: no walked pairs.
    /// </summary>
    public IReadOnlyList<string> KrakenSymbols { get; set; } = ["BTCUSD", "ETHUSD"];

    /// <summary>Mean trade rate of each walked Kraken pair (Poisson arrivals).</summary>
    public double KrakenTradesPerSecondPerPair { get; set; } = 5;

    /// <summary>
    /// A saved Kraken REST Trades response (<c>{"result":{"XBTUSDT":[…],"last":…}}</c>) to replay on its pair instead of
    /// a walk; the pair is listed if <see cref="KrakenSymbols"/> lacks it. <see cref="ReplaySpeed"/> and
    /// <see cref="ReplayDelay"/> apply as for the Binance replay.
    /// </summary>
    public string? KrakenReplayFile { get; set; }

    /// <summary>Trades each Kraken pair keeps for the Trades endpoint and the v2 snapshot; beyond it the oldest tenth is dropped.</summary>
    public int KrakenMaxTradesPerPair { get; set; } = 200_000;

    /// <summary>Kraken's rate-limit counter: its maximum (0 turns the limit off). Each public REST call costs 1.</summary>
    public double KrakenRateLimitMaximum { get; set; } = 15;

    /// <summary>How fast the Kraken rate-limit counter decays, per second.</summary>
    public double KrakenRateLimitDecayPerSecond { get; set; } = 1;
}
