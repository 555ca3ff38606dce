namespace CandleDashboard.Exchange.Binance;

/// <summary>Which Binance trade stream the feed subscribes to.</summary>
public enum BinanceStreamKind
{
    /// <summary><c>&lt;symbol&gt;@trade</c>: every single fill; the trade id is Binance's trade id.</summary>
    Trade,

    /// <summary>
    /// <c>&lt;symbol&gt;@aggTrade</c>: fills of one taker order at one price merged; fewer messages,
    /// the trade id is the aggregate id. Same candles, cheaper for busy symbols.
    /// </summary>
    AggTrade,
}
