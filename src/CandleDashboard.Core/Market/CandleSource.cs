namespace CandleDashboard.Core.Market;

/// <summary>Where a candle's values come from.</summary>
public enum CandleSource
{
    /// <summary>Built on this server from the trade stream; may differ slightly from the exchange.</summary>
    Live = 0,

    /// <summary>The exchange's own kline, committed by the fetcher or read from its REST API.</summary>
    Official = 1,
}
