using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Volume-weighted average price from the anchor: <c>VWAP = Σ(typical × volume) / Σ volume</c> with the
/// candle's typical price <c>(high + low + close) / 3</c>, summed over the candles since the anchor —
/// the UTC day (<see cref="VwapAnchor.Session"/>, <c>vwap</c>) or the first loaded candle
/// (<see cref="VwapAnchor.FirstCandle"/>, <c>avwap</c>).
/// </summary>
/// <remarks>
/// <para>Candles carry no trade prices, so the typical price stands in for the candle's traded prices
/// (the usual definition for charts built from candles).</para>
/// <para>Computed as <c>Σ((high + low + close) × volume) / (3 × Σ volume)</c>, the same number with its
/// single rounding at the end: both sums are exact in decimal, so the value never drifts and equals a
/// batch computation over the session to the last digit.</para>
/// <para>The session is the UTC day of the candle's open time, so it resets at 00:00 UTC whatever the
/// interval (a 1d candle is a session of its own), and a gap in the candles cannot merge two days.
/// Until the anchor has traded volume (an empty candle at midnight) there is no VWAP: the value is not
/// ready.</para>
/// </remarks>
public sealed class VolumeWeightedAveragePrice : Indicator
{
    private const long MillisecondsPerDay = 86_400_000;

    private readonly VwapAnchor _anchor;
    private readonly State[] _checkpoints;
    private State _state;

    public VolumeWeightedAveragePrice(VwapAnchor anchor, int rewindDepth = 0)
        : this(IndicatorSpec.Create(anchor == VwapAnchor.Session ? IndicatorKind.Vwap : IndicatorKind.AnchoredVwap), rewindDepth)
    {
    }

    internal VolumeWeightedAveragePrice(IndicatorSpec spec, int rewindDepth)
        : base(spec, rewindDepth)
    {
        _anchor = ReferenceEquals(spec.Kind, IndicatorKind.Vwap) ? VwapAnchor.Session : VwapAnchor.FirstCandle;
        _checkpoints = new State[rewindDepth];
    }

    public VwapAnchor Anchor => _anchor;

    /// <summary>The UTC day (days since the epoch) a candle opening at <paramref name="openTime"/> belongs to.</summary>
    public static long SessionOf(long openTime) => Math.DivRem(openTime, MillisecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);

    private protected override IndicatorValue Step(in Candle candle, long index, bool commit)
    {
        var state = _state;
        if (_anchor == VwapAnchor.Session)
        {
            var session = SessionOf(candle.OpenTime);
            if (index == 0 || session != state.Session)
            {
                state = new State { Session = session };
            }
        }

        state.PriceVolume += (candle.High + candle.Low + candle.Close) * candle.Volume;
        state.Volume += candle.Volume;
        if (commit)
        {
            _state = state;
        }

        return state.Volume > 0m
            ? new IndicatorValue(candle.OpenTime, true, state.PriceVolume / (3m * state.Volume))
            : IndicatorValue.NotReady(candle.OpenTime);
    }

    private protected override void SaveState(int slot) => _checkpoints[slot] = _state;

    private protected override void RestoreState(int slot) => _state = _checkpoints[slot];

    private protected override void ResetState() => _state = default;

    private struct State
    {
        public long Session;

        /// <summary>Σ (high + low + close) × volume: three times Σ typical × volume, exactly.</summary>
        public decimal PriceVolume;
        public decimal Volume;
    }
}
