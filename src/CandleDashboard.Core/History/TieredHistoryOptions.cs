namespace CandleDashboard.Core.History;

public sealed class TieredHistoryOptions
{
    /// <summary>Lower-case exchange name used in series keys.</summary>
    public string Exchange { get; set; } = "binance";

    /// <summary>
    /// A store answers only when its newest candle is at most this far (or one interval, if
    /// longer) behind the last closed bucket; the fetcher closes smaller gaps shortly after, and
    /// a restart does not hit the exchange for a few missing candles.
    /// </summary>
    public TimeSpan MaxServedLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Store-miss loads from the exchange running at once; more wait their turn, and identical ones
    /// share one request (<see cref="ExchangeLoadGate"/>).
    /// </summary>
    public int MaxConcurrentExchangeLoads { get; set; } = 4;

    /// <summary>Exchange klines that closed less than this ago are served but not written back to the stores.</summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromSeconds(2);
}
