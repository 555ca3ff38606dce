using CandleDashboard.Core.Market;

namespace CandleDashboard.Contracts;

/// <summary>The hub's <c>candle</c> message: one live update of a followed series.</summary>
/// <param name="Exchange">The venue id the follower subscribed with (<c>binance</c>, <c>kraken</c>), as <c>?exchange=</c> takes it.</param>
/// <param name="Candle">The candle, exactly as the REST API writes it.</param>
/// <param name="SentAt">Server clock when the message left the hub, UTC epoch ms (lets clients measure delivery latency).</param>
public sealed record CandleMessage(string Exchange, string Symbol, string Interval, CandleJson Candle, long SentAt)
{
    public static CandleMessage From(string exchange, CandleUpdate update, long sentAt) =>
        new(exchange, update.Symbol, update.Interval.Code, CandleJson.From(update.Candle), sentAt);
}
