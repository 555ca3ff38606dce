namespace CandleDashboard.Core.Import;

/// <summary>The published trade files the bulk import reads.</summary>
public enum TradeFileFormat
{
    /// <summary>
    /// Binance's public trade dumps (data.binance.vision): <c>trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match</c>,
    /// no header (a header line is tolerated), time in epoch milliseconds (13 digits) or, in dumps since 2025,
    /// microseconds (16 digits; told apart by magnitude).
    /// </summary>
    Binance,

    /// <summary>
    /// Kraken's trade CSVs ("Time and Sales"): <c>timestamp,price,volume</c>, timestamp in Unix seconds with an
    /// optional fraction, no header and no trade id. Further columns are ignored.
    /// </summary>
    Kraken,
}
