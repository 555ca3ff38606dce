namespace CandleDashboard.Core.Market;

/// <summary>A candle of one series (symbol × interval) as pushed to subscribers.</summary>
public readonly record struct CandleUpdate(string Symbol, Interval Interval, Candle Candle);
