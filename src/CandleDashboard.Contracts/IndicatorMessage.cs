using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Contracts;

/// <summary>The hub's <c>indicator</c> message: new values of a followed indicator series.</summary>
/// <param name="Exchange">The venue id the follower subscribed with (<c>binance</c>, <c>kraken</c>).</param>
/// <param name="Indicator">The indicator's canonical text, e.g. <c>ema(21)</c>, as <c>SubscribeIndicator</c> echoes it.</param>
/// <param name="Kind">
/// <c>forming</c> (the forming candle's value, "if it closed now"), <c>closed</c> (a candle that just
/// closed) or <c>replaced</c> (values from a corrected candle, e.g. an official kline, to the newest,
/// the forming one last): each value supersedes the one a client holds for its open time.
/// </param>
/// <param name="Values">Oldest first.</param>
/// <param name="SentAt">Server clock when the message left the hub, UTC epoch ms.</param>
public sealed record IndicatorMessage(string Exchange, string Symbol, string Interval, string Indicator, string Kind, IReadOnlyList<IndicatorPointJson> Values, long SentAt)
{
    public static IndicatorMessage From(string exchange, IndicatorUpdate update, long sentAt)
    {
        var outputs = update.Key.Spec.Kind.Outputs;
        return new(
            exchange,
            update.Key.Series.Symbol,
            update.Key.Series.Interval.Code,
            update.Key.Spec.Text,
            update.Kind switch
            {
                IndicatorUpdateKind.Forming => "forming",
                IndicatorUpdateKind.Closed => "closed",
                _ => "replaced",
            },
            [.. update.Values.Select(v => IndicatorPointJson.From(v, outputs))],
            sentAt);
    }
}
