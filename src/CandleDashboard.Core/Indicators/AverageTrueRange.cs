using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Wilder's average true range (default N = 14). The true range of a candle is
/// <c>max(high − low, |high − previous close|, |low − previous close|)</c>, and of the first candle
/// (no previous close) <c>high − low</c>. The first ATR (at the N-th candle) is the SMA of the first N
/// true ranges, then Wilder's smoothing <c>ATR = (ATR_prev × (N − 1) + TR) / N</c> — Wilder's and
/// StockCharts' definition.
/// </summary>
public sealed class AverageTrueRange : Indicator
{
    private readonly WilderAverage _average;
    private readonly State[] _checkpoints;
    private State _state;

    public AverageTrueRange(int period = 14, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Atr, period), rewindDepth)
    {
    }

    internal AverageTrueRange(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        Period = (int)spec.Values[0];
        _average = new WilderAverage(Period);
        _checkpoints = new State[rewindDepth];
    }

    public int Period { get; }

    /// <summary>The true range of <paramref name="candle"/> after a candle that closed at <paramref name="previousClose"/> (null: none).</summary>
    public static decimal TrueRange(in Candle candle, decimal? previousClose)
    {
        var range = candle.High - candle.Low;
        if (previousClose is not { } close)
        {
            return range;
        }

        return Math.Max(range, Math.Max(Math.Abs(candle.High - close), Math.Abs(candle.Low - close)));
    }

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var state = _state;
        var trueRange = TrueRange(candle, index == 0 ? null : state.PreviousClose);
        var count = index + 1;
        state.Average = _average.Next(state.Average, trueRange, count);
        state.PreviousClose = candle.Close;
        if (commit)
        {
            _state = state;
        }

        return count >= Period ? new IndicatorValue(candle.OpenTime, true, state.Average) : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        public decimal PreviousClose;

        // The sum of the true ranges while warming up, then the ATR.
        public decimal Average;
    }
}
