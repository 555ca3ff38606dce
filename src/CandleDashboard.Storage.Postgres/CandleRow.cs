using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// A candles row as Dapper reads it (Candle's init-only record members are not a mapping target).
/// Column aliases in <see cref="CandleSql"/> match these property names.
/// </summary>
internal sealed class CandleRow
{
    public long OpenTime { get; set; }
    public decimal Open { get; set; }
    public decimal High { get; set; }
    public decimal Low { get; set; }
    public decimal Close { get; set; }
    public decimal Volume { get; set; }
    public decimal QuoteVolume { get; set; }
    public long TradeCount { get; set; }
    public bool IsClosed { get; set; }
    public string Source { get; set; } = "";

    public Candle ToCandle() =>
        new(OpenTime, Open, High, Low, Close, Volume, QuoteVolume, TradeCount, IsClosed, SourceText.Parse(Source));
}
