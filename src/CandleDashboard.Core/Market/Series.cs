namespace CandleDashboard.Core.Market;

/// <summary>One candle series of the exchange: a symbol at an interval.</summary>
public readonly record struct Series(string Symbol, Interval Interval)
{
    public override string ToString() => $"{Symbol} {Interval.Code}";
}
