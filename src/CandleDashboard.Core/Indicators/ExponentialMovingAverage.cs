using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Exponential moving average of the close, seeded with the SMA of the first N closes (the first
/// value, at the N-th candle), then <c>EMA = (close − EMA_prev) × α + EMA_prev</c> with
/// <c>α = 2 / (N + 1)</c>: StockCharts' definition and most charting tools'.
/// </summary>
public sealed class ExponentialMovingAverage : Indicator
{
    private readonly ExponentialAverage _average;
    private readonly decimal[] _checkpoints;

    // The sum of the closes while warming up, then the EMA.
    private decimal _state;

    public ExponentialMovingAverage(int period, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Ema, period), rewindDepth)
    {
    }

    internal ExponentialMovingAverage(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        Period = (int)spec.Values[0];
        _average = new ExponentialAverage(Period);
        _checkpoints = new decimal[rewindDepth];
    }

    public int Period { get; }

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var count = index + 1;
        var state = _average.Next(_state, candle.Close, count);
        if (commit)
        {
            _state = state;
        }

        return count >= Period ? new IndicatorValue(candle.OpenTime, true, state) : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = 0m;
}
