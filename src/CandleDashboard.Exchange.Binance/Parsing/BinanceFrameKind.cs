namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>What one WebSocket text message from Binance turned out to be.</summary>
public enum BinanceFrameKind
{
    /// <summary>A trade or aggTrade event of a subscribed symbol.</summary>
    Trade,

    /// <summary>
    /// Well-formed but not for us: other event types (depthUpdate, bookTicker, kline, ...) or a
    /// symbol we did not subscribe to. Counted apart from malformed frames because nothing is wrong.
    /// </summary>
    Skipped,

    /// <summary>Reply to a SUBSCRIBE/UNSUBSCRIBE/LIST request: <c>{"result":null,"id":1}</c>.</summary>
    SubscriptionResponse,

    /// <summary>The server reported an error (<c>{"code":2,"msg":"..."}</c> or <c>{"error":{...}}</c>).</summary>
    Error,

    /// <summary>Not valid JSON, or a trade event with missing or unusable fields.</summary>
    Malformed,
}
