using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Wilder's relative strength index of the close (default N = 14). Each candle after the first has a
/// change <c>close − previous close</c>, split into a gain (the rise, else 0) and a loss (the fall as a
/// positive number, else 0). The first averages (at the N-th change, the (N+1)-th candle) are the SMAs
/// of the first N gains and losses; after that Wilder's smoothing <c>avg = (avg_prev × (N − 1) + x) / N</c>.
/// <c>RSI = 100 − 100 / (1 + avgGain / avgLoss)</c>.
/// </summary>
/// <remarks>
/// Computed as <c>100 × avgGain / (avgGain + avgLoss)</c>, the same number without the ratio
/// avgGain / avgLoss, which overflows decimal when the average loss has decayed towards 0 in a long
/// rise. Only gains: 100; only losses: 0; no change at all over the averaging: 50 (neither side).
/// </remarks>
public sealed class RelativeStrengthIndex : Indicator
{
    private readonly WilderAverage _average;
    private readonly State[] _checkpoints;
    private State _state;

    public RelativeStrengthIndex(int period = 14, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Rsi, period), rewindDepth)
    {
    }

    internal RelativeStrengthIndex(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        Period = (int)spec.Values[0];
        _average = new WilderAverage(Period);
        _checkpoints = new State[rewindDepth];
    }

    public int Period { get; }

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var state = _state;
        var close = candle.Close;
        if (index > 0)
        {
            // `index` changes so far, this one included.
            var change = close - state.PreviousClose;
            state.AverageGain = _average.Next(state.AverageGain, change > 0m ? change : 0m, index);
            state.AverageLoss = _average.Next(state.AverageLoss, change < 0m ? -change : 0m, index);
        }

        state.PreviousClose = close;
        if (commit)
        {
            _state = state;
        }

        if (index < Period)
        {
            return IndicatorValue.NotReady(candle.OpenTime);
        }

        var total = state.AverageGain + state.AverageLoss;
        var rsi = total == 0m ? 50m : 100m * state.AverageGain / total;
        return new IndicatorValue(candle.OpenTime, true, rsi);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        public decimal PreviousClose;

        // Sums of the gains and losses while warming up, then their Wilder averages.
        public decimal AverageGain;
        public decimal AverageLoss;
    }
}
