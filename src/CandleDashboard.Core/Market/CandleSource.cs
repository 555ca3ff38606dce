namespace CandleDashboard.Core.Market;

/// <summary>Where a candle's values come from.</summary>
/// <remarks>
/// Both official values are final and replace live-built candles; test with
/// <see cref="CandleSourceExtensions.IsOfficial(CandleSource)"/>, never with <c>== Official</c>, so
/// <see cref="OfficialFromTrades"/> is not mistaken for a live candle. The numbers are stored (Redis).
/// </remarks>
public enum CandleSource
{
    /// <summary>Built on this server from the trade stream; may differ slightly from the exchange.</summary>
    Live = 0,

    /// <summary>The exchange's own kline, committed by the fetcher or read from its REST API.</summary>
    Official = 1,

    /// <summary>
    /// Built by the exchange adapter from the exchange's own trade history (its REST trades endpoint)
    /// with the live builder, where the exchange serves no kline (Kraken: 15s/30s, and anything older
    /// than its 720-candle OHLC window). Final like <see cref="Official"/>: the exchange's complete
    /// trade record, not what this server happened to receive.
    /// </summary>
    OfficialFromTrades = 2,
}
