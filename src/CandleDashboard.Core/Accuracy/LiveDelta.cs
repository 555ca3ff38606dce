using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Accuracy;

/// <summary>
/// How far a candle built here from trades was from the exchange's official kline of the same
/// open time: each field is official − live (a positive close difference means the exchange closed
/// higher than we showed). Exact decimals, trailing zeros dropped, so a price difference reads like
/// a price ("-0.2", not "-0.20000" from a 5-decimal trade against a 1-decimal kline).
/// </summary>
/// <param name="OpenTime">Open time of both candles, UTC epoch milliseconds.</param>
public readonly record struct LiveDelta(
    long OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    long TradeCount)
{
    /// <summary>True when the live candle equalled the official one on every field compared (prices as numbers).</summary>
    public bool Matched => Open == 0m && High == 0m && Low == 0m && Close == 0m && Volume == 0m && TradeCount == 0;

    /// <summary>
    /// The difference official − live. Quote volume is not compared: exchanges round it (Binance to 8
    /// decimals) while we sum it exactly, so it would differ on candles that otherwise match.
    /// </summary>
    /// <exception cref="ArgumentException">Not a closed live candle and an official one of the same open time.</exception>
    public static LiveDelta Between(Candle live, Candle official)
    {
        if (live.Source != CandleSource.Live || !live.IsClosed)
        {
            throw new ArgumentException("A live delta starts from a closed live-built candle.", nameof(live));
        }

        if (!official.IsOfficial())
        {
            throw new ArgumentException("A live delta compares with the exchange's official candle.", nameof(official));
        }

        if (live.OpenTime != official.OpenTime)
        {
            throw new ArgumentException($"Open times differ: live {live.OpenTime}, official {official.OpenTime}.", nameof(official));
        }

        return new LiveDelta(
            live.OpenTime,
            Normalize(official.Open - live.Open),
            Normalize(official.High - live.High),
            Normalize(official.Low - live.Low),
            Normalize(official.Close - live.Close),
            Normalize(official.Volume - live.Volume),
            official.TradeCount - live.TradeCount);
    }

    /// <summary>The same value with the fewest decimals (the scale is all that changes).</summary>
    internal static decimal Normalize(decimal value)
    {
        while (value.Scale > 0)
        {
            var shorter = decimal.Round(value, value.Scale - 1);
            if (shorter != value)
            {
                break;
            }

            value = shorter;
        }

        return value;
    }
}
