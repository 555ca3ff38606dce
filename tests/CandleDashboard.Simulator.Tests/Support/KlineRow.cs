using System.Globalization;
using System.Text.Json;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>One Binance kline row as parsed from REST, with decimals kept exact.</summary>
internal sealed record KlineRow(
    long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume,
    long CloseTime, decimal QuoteVolume, long TradeCount, decimal TakerBuyVolume, decimal TakerBuyQuoteVolume)
{
    public static KlineRow Parse(JsonElement row) => new(
        row[0].GetInt64(), D(row[1]), D(row[2]), D(row[3]), D(row[4]), D(row[5]),
        row[6].GetInt64(), D(row[7]), row[8].GetInt64(), D(row[9]), D(row[10]));

    public static decimal D(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);
}
