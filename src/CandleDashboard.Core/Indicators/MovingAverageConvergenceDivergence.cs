using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// MACD of the close (default 12/26/9): line = EMA(fast) − EMA(slow), signal = EMA(signal) of the
/// line, histogram = line − signal. Every EMA is <see cref="ExponentialMovingAverage"/>'s (seeded with
/// the SMA of its first N inputs); the signal's inputs start with the line's first value (the slow
/// EMA's first candle), so the first complete value is at candle slow + signal − 1 (34 by default).
/// Before that the value is not ready (the line alone is not reported).
/// </summary>
public sealed class MovingAverageConvergenceDivergence : Indicator
{
    private readonly ExponentialAverage _fast;
    private readonly ExponentialAverage _slow;
    private readonly ExponentialAverage _signal;
    private readonly State[] _checkpoints;
    private State _state;

    public MovingAverageConvergenceDivergence(int fast = 12, int slow = 26, int signal = 9, int rewindDepth = 0)
        : this(IndicatorSpec.Create(IndicatorKind.Macd, fast, slow, signal), rewindDepth)
    {
    }

    internal MovingAverageConvergenceDivergence(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        FastPeriod = (int)spec.Values[0];
        SlowPeriod = (int)spec.Values[1];
        SignalPeriod = (int)spec.Values[2];
        _fast = new ExponentialAverage(FastPeriod);
        _slow = new ExponentialAverage(SlowPeriod);
        _signal = new ExponentialAverage(SignalPeriod);
        _checkpoints = new State[rewindDepth];
    }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    /// <summary>Line, signal and histogram at the last closed candle.</summary>
    public MacdValue Macd => MacdValue.From(Current);

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var state = _state;
        var count = index + 1;
        var close = candle.Close;
        state.Fast = _fast.Next(state.Fast, close, count);
        state.Slow = _slow.Next(state.Slow, close, count);
        var ready = false;
        decimal line = 0m;
        if (count >= SlowPeriod)
        {
            line = state.Fast - state.Slow;
            var lines = count - SlowPeriod + 1;
            state.Signal = _signal.Next(state.Signal, line, lines);
            ready = lines >= SignalPeriod;
        }

        if (commit)
        {
            _state = state;
        }

        return ready
            ? new IndicatorValue(candle.OpenTime, true, line, state.Signal, line - state.Signal)
            : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        // Each: the sum of its inputs while warming up, then the EMA.
        public decimal Fast;
        public decimal Slow;
        public decimal Signal;
    }
}
