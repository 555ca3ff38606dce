using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Simple moving average: <c>SMA = (x₁ + … + x_N) / N</c> over the last N closes (<c>sma</c>) or
/// volumes (<c>volume_sma</c>). First value at the N-th candle.
/// </summary>
/// <remarks>
/// A running sum over a ring buffer of the last N inputs: add the new input, subtract the one N back.
/// Decimal sums are exact, so the running sum always equals the window's sum; one division per value.
/// </remarks>
public sealed class SimpleMovingAverage : Indicator
{
    private readonly int _period;
    private readonly decimal _divisor;
    private readonly CandleField _field;
    private readonly decimal[] _inputs;
    private readonly decimal[] _checkpoints;
    private decimal _sum;

    public SimpleMovingAverage(int period, CandleField field = CandleField.Close, int rewindDepth = 0)
        : this(IndicatorSpec.Create(field == CandleField.Volume ? IndicatorKind.VolumeSma : IndicatorKind.Sma, period), rewindDepth)
    {
    }

    internal SimpleMovingAverage(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        _period = (int)spec.Values[0];
        _divisor = _period;
        _field = ReferenceEquals(spec.Kind, IndicatorKind.VolumeSma) ? CandleField.Volume : CandleField.Close;
        _inputs = new decimal[_period + rewindDepth];
        _checkpoints = new decimal[rewindDepth];
    }

    public int Period => _period;

    public CandleField Field => _field;

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var x = _field.Of(candle);
        var sum = _sum + x;
        if (index >= _period)
        {
            sum -= _inputs[Slot(index - _period, _inputs.Length)];
        }

        if (commit)
        {
            _inputs[Slot(index, _inputs.Length)] = x;
            _sum = sum;
        }

        return index + 1 >= _period ? new IndicatorValue(candle.OpenTime, true, sum / _divisor) : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _sum;

    private protected override void RestoreState(int slot) => _sum = _checkpoints[slot];

    private protected override void ResetState() => _sum = 0m;
}
