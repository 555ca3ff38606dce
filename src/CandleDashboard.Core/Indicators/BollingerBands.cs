using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Bollinger Bands of the close: middle = SMA(N), upper/lower = middle ± k·σ, where σ is the
/// <b>population</b> standard deviation of the same N closes (default N = 20, k = 2). First value at
/// the N-th candle.
/// </summary>
/// <remarks>
/// <para>Population, not sample, deviation (divide by N, not N − 1): Bollinger's own definition, and
/// what StockCharts, TradingView and Lean use; the window is the whole population being described,
/// not a sample of a larger one. With N = 20 the sample deviation would be 2.6 % wider.</para>
/// <para>O(1): running Σx and Σx² over a ring of the last N closes (both exact in decimal), so
/// N²·variance = N·Σx² − (Σx)² exactly, and σ is its exact square root truncated to
/// <see cref="PopulationStandardDeviation.Decimals"/> decimal places (see
/// <see cref="PopulationStandardDeviation"/>): <c>middle = Σx / N</c>, <c>upper = middle + k·σ</c>,
/// <c>lower = middle − k·σ</c>.</para>
/// </remarks>
public sealed class BollingerBands : Indicator
{
    private readonly int _period;
    private readonly decimal _divisor;
    private readonly decimal _k;
    private readonly decimal[] _inputs;
    private readonly State[] _checkpoints;
    private State _state;

    public BollingerBands(int period = 20, decimal k = 2m, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Bollinger, period, k), rewindDepth)
    {
    }

    internal BollingerBands(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        _period = (int)spec.Values[0];
        _divisor = _period;
        _k = spec.Values[1];
        _inputs = new decimal[_period + rewindDepth];
        _checkpoints = new State[rewindDepth];
    }

    public int Period => _period;

    public decimal K => _k;

    /// <summary>The bands at the last closed candle.</summary>
    public BollingerBandsValue Bands => BollingerBandsValue.From(Current);

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var x = candle.Close;
        var state = _state;
        state.Sum += x;
        state.SumOfSquares += x * x;
        if (index >= _period)
        {
            var old = _inputs[Slot(index - _period, _inputs.Length)];
            state.Sum -= old;
            state.SumOfSquares -= old * old;
        }

        if (commit)
        {
            _inputs[Slot(index, _inputs.Length)] = x;
            _state = state;
        }

        if (index + 1 < _period)
        {
            return IndicatorValue.NotReady(candle.OpenTime);
        }

        var middle = state.Sum / _divisor;
        var width = _k * PopulationStandardDeviation.FromSums(state.Sum, state.SumOfSquares, _period);
        return new IndicatorValue(candle.OpenTime, true, middle, middle + width, middle - width);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        public decimal Sum;
        public decimal SumOfSquares;
    }
}
