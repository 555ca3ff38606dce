namespace CandleDashboard.Simulator.Market;

/// <summary>
/// One kline being aggregated. A bar with no trades is the flat "empty bucket" bar Binance serves:
/// open = high = low = close = previous close, zero volume; its first trade then sets all four prices.
/// </summary>
internal struct KlineBar
{
    public long OpenTime;
    public long Open;
    public long High;
    public long Low;
    public long Close;
    public long Volume;
    public Int128 QuoteVolume;
    public long TakerBuyVolume;
    public Int128 TakerBuyQuoteVolume;
    public long TradeCount;

    /// <summary>First and last trade id in the bar (kline stream fields <c>f</c>/<c>L</c>); -1 while empty.</summary>
    public long FirstTradeId;
    public long LastTradeId;

    public static KlineBar Flat(long openTime, long price) => new()
    {
        OpenTime = openTime,
        Open = price,
        High = price,
        Low = price,
        Close = price,
        FirstTradeId = -1,
        LastTradeId = -1,
    };

    public void Add(in SimTrade trade)
    {
        if (TradeCount == 0)
        {
            Open = High = Low = trade.PriceUnits;
            FirstTradeId = trade.TradeId;
        }
        else if (trade.PriceUnits > High)
        {
            High = trade.PriceUnits;
        }
        else if (trade.PriceUnits < Low)
        {
            Low = trade.PriceUnits;
        }

        Close = trade.PriceUnits;
        Volume += trade.QuantityUnits;
        var quote = (Int128)trade.PriceUnits * trade.QuantityUnits;
        QuoteVolume += quote;

        // Binance's taker-buy volume counts trades where the buyer took liquidity, i.e. the buyer was not the maker.
        if (!trade.IsBuyerMaker)
        {
            TakerBuyVolume += trade.QuantityUnits;
            TakerBuyQuoteVolume += quote;
        }

        LastTradeId = trade.TradeId;
        TradeCount++;
    }
}
