using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Linearly weighted moving average of the close: <c>WMA = (N·x_t + (N−1)·x_(t−1) + … + 1·x_(t−N+1)) / (N(N+1)/2)</c>.
/// First value at the N-th candle.
/// </summary>
/// <remarks>
/// O(1) per candle with two running sums over a ring of the last N closes: the plain sum S and the
/// weighted numerator W. Each step every weight drops by one and the new close enters with weight N:
/// <c>W' = W − S + N·x</c>, <c>S' = S + x − x_(t−N)</c>. Both are exact in decimal, so W is exactly
/// the weighted sum of the window; one division per value.
/// </remarks>
public sealed class WeightedMovingAverage : Indicator
{
    private readonly int _period;
    private readonly decimal _weight;
    private readonly decimal _divisor;
    private readonly decimal[] _inputs;
    private readonly State[] _checkpoints;
    private State _state;

    public WeightedMovingAverage(int period, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Wma, period), rewindDepth)
    {
    }

    internal WeightedMovingAverage(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        _period = (int)spec.Values[0];
        _weight = _period;
        _divisor = _period * (_period + 1m) / 2m;
        _inputs = new decimal[_period + rewindDepth];
        _checkpoints = new State[rewindDepth];
    }

    public int Period => _period;

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var x = candle.Close;
        var state = _state;
        if (index < _period)
        {
            // Warming up: the (index+1)-th close enters with weight index+1.
            state.Weighted += (index + 1) * x;
            state.Sum += x;
        }
        else
        {
            state.Weighted += (_weight * x) - state.Sum;
            state.Sum += x - _inputs[Slot(index - _period, _inputs.Length)];
        }

        if (commit)
        {
            _inputs[Slot(index, _inputs.Length)] = x;
            _state = state;
        }

        return index + 1 >= _period ? new IndicatorValue(candle.OpenTime, true, state.Weighted / _divisor) : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        public decimal Sum;
        public decimal Weighted;
    }
}
