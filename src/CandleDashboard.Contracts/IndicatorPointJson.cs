using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Contracts;

/// <summary>
/// An indicator's value at one candle, as other programs receive it from the REST API and inside the
/// hub's <c>indicator</c> message (decimals as exact strings; see <see cref="WireFormat"/>).
/// </summary>
/// <param name="OpenTime">Open time of the candle the value belongs to, UTC epoch milliseconds.</param>
/// <param name="Values">
/// Each output by name (<c>ema</c>; <c>middle</c>/<c>upper</c>/<c>lower</c> for Bollinger Bands;
/// <c>macd</c>/<c>signal</c>/<c>histogram</c> for MACD), or null while the indicator is warming up
/// (too little history before this candle) or has no value here (a VWAP before any volume traded).
/// </param>
public sealed record IndicatorPointJson(long OpenTime, IReadOnlyDictionary<string, string>? Values)
{
    public static IndicatorPointJson From(IndicatorValue value, IReadOnlyList<string> outputs)
    {
        if (!value.IsReady)
        {
            return new(value.OpenTime, null);
        }

        var values = new Dictionary<string, string>(outputs.Count, StringComparer.Ordinal);
        for (var i = 0; i < outputs.Count; i++)
        {
            values[outputs[i]] = WireFormat.Decimal(i switch { 0 => value.Value, 1 => value.Value2, _ => value.Value3 });
        }

        return new(value.OpenTime, values);
    }
}
