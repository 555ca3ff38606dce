using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Building;

/// <summary>
/// Mutable state of one interval's forming candle. A struct held in an array inside the
/// builder, so updating it per trade touches no heap memory.
/// </summary>
internal struct FormingCandle
{
    public bool HasValue;
    public long OpenTime;
    public long EndTime;
    public decimal Open;
    public decimal High;
    public decimal Low;
    public decimal Close;
    public decimal Volume;
    public decimal QuoteVolume;
    public long TradeCount;

    /// <summary>Bumped on every change, so a publisher can tell whether there is anything new.</summary>
    public long Version;

    /// <summary>
    /// Starts a bucket with no trades yet: flat at the previous close, as exchanges show an
    /// empty bucket. The first trade of the bucket overwrites the open (see <see cref="Add"/>).
    /// </summary>
    public void StartEmpty(long openTime, long length, decimal previousClose)
    {
        HasValue = true;
        OpenTime = openTime;
        EndTime = openTime + length;
        Open = High = Low = Close = previousClose;
        Volume = QuoteVolume = 0m;
        TradeCount = 0;
        Version++;
    }

    /// <summary>Takes over a forming candle built before (by an earlier run of the app).</summary>
    public void Resume(Candle candle, long length)
    {
        HasValue = true;
        OpenTime = candle.OpenTime;
        EndTime = candle.OpenTime + length;
        Open = candle.Open;
        High = candle.High;
        Low = candle.Low;
        Close = candle.Close;
        Volume = candle.Volume;
        QuoteVolume = candle.QuoteVolume;
        TradeCount = candle.TradeCount;
        Version++;
    }

    public void Add(decimal price, decimal quantity, decimal quoteQuantity)
    {
        if (TradeCount == 0)
        {
            Open = High = Low = price;
        }
        else if (price > High)
        {
            High = price;
        }
        else if (price < Low)
        {
            Low = price;
        }

        Close = price;
        Volume += quantity;
        QuoteVolume += quoteQuantity;
        TradeCount++;
        Version++;
    }

    public readonly Candle ToCandle(bool isClosed) =>
        new(OpenTime, Open, High, Low, Close, Volume, QuoteVolume, TradeCount, isClosed, CandleSource.Live);
}
