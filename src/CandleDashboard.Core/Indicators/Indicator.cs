using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// An incremental indicator calculator over one series of candles, fed closed candles in open-time
/// order. Every concrete indicator derives from it; <see cref="IndicatorFactory"/> creates one from an
/// <see cref="IndicatorSpec"/>.
/// </summary>
/// <remarks>
/// <para><b>Cost.</b> <see cref="Update"/> is O(1) per closed candle whatever the period (running sums
/// over preallocated ring buffers, running averages) and <see cref="Preview"/> is the same step on a
/// copy of the state: "what if the forming candle closed now", leaving the closed state untouched, so
/// a forming candle can be previewed after every trade. Neither allocates.</para>
/// <para><b>Numbers.</b> Everything is <see cref="decimal"/>, like the candles: sums of prices and
/// volumes are exact (no drift however long a series runs, and an incremental sum equals the sum of
/// the window), and every rounding step (a division, Bollinger's square root) is a deterministic
/// function of exact inputs. So an incremental value equals, to the last digit, a batch computation
/// over the whole series that follows the formulas stated on each indicator. Exactness holds while
/// each exact sum has at most 28 significant digits (decimal drops only zeros beyond that): always
/// for sums of prices and volumes, and for Bollinger's Σx² with prices of up to 12 significant digits
/// (trailing zeros do not count: 29023.66000000 has 7) and periods up to
/// <see cref="IndicatorParameter.MaxPeriod"/>. Beyond that a sum is rounded at its 28th digit, never
/// wrong by more; prices above 10^11 overflow Bollinger's Σx² and are outside the engine's domain.</para>
/// <para><b>Rewinding.</b> Created with a rewind depth D (as <see cref="IndicatorSeries"/> does), the
/// calculator keeps the state before each of its last D updates (a ring of small structs; windowed
/// indicators keep D extra inputs in their ring buffer), so <see cref="Rewind"/> undoes the last n ≤ D
/// candles in O(1) and an official candle that replaces a live one is replayed from that candle only.</para>
/// <para>Not thread-safe: one writer per calculator.</para>
/// </remarks>
public abstract class Indicator
{
    private readonly IndicatorValue[] _valueCheckpoints;

    private protected Indicator(IndicatorSpec spec, int rewindDepth)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(rewindDepth);
        Spec = spec;
        WarmUpPeriod = spec.WarmUpPeriod;
        RewindDepth = rewindDepth;
        _valueCheckpoints = new IndicatorValue[rewindDepth];
    }

    public IndicatorSpec Spec { get; }

    /// <summary>Closed candles needed before the first value (<see cref="IndicatorSpec.WarmUpPeriod"/>).</summary>
    public int WarmUpPeriod { get; }

    /// <summary>How many of the latest updates <see cref="Rewind"/> can undo (0: none).</summary>
    public int RewindDepth { get; }

    /// <summary>Closed candles fed since creation or the last <see cref="Reset"/>.</summary>
    public long Samples { get; private set; }

    /// <summary>The value at the last closed candle (not ready before the first update).</summary>
    public IndicatorValue Current { get; private set; }

    /// <summary>Whether the value at the last closed candle is valid.</summary>
    public bool IsReady => Current.IsReady;

    /// <summary>Feeds the next closed candle; O(1), allocation-free.</summary>
    /// <exception cref="ArgumentException">The candle does not open after the last one fed.</exception>
    public IndicatorValue Update(in Candle closed)
    {
        CheckOrder(closed.OpenTime);
        if (RewindDepth > 0)
        {
            var slot = (int)(Samples % RewindDepth);
            _valueCheckpoints[slot] = Current;
            SaveState(slot);
        }

        Current = Step(in closed, Samples, commit: true);
        Samples++;
        return Current;
    }

    /// <summary>
    /// The value the indicator would have if <paramref name="forming"/> closed now, computed on top of
    /// the last closed state without changing it; O(1), allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">The candle does not open after the last closed one.</exception>
    public IndicatorValue Preview(in Candle forming)
    {
        CheckOrder(forming.OpenTime);
        return Step(in forming, Samples, commit: false);
    }

    /// <summary>Undoes the last <paramref name="candles"/> updates, restoring the state and value from before them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="RewindDepth"/> or than were fed since the last reset.</exception>
    public void Rewind(int candles)
    {
        if (candles < 0 || candles > RewindDepth || candles > Samples)
        {
            throw new ArgumentOutOfRangeException(nameof(candles), candles, $"Can rewind at most {Math.Min(RewindDepth, Samples)} candles.");
        }

        if (candles == 0)
        {
            return;
        }

        Samples -= candles;
        var slot = (int)(Samples % RewindDepth);
        RestoreState(slot);
        Current = _valueCheckpoints[slot];
    }

    /// <summary>Forgets every candle: the next update is the first (allocation-free).</summary>
    public void Reset()
    {
        Samples = 0;
        Current = default;
        ResetState();
    }

    /// <summary>
    /// One step of the indicator with <paramref name="candle"/> as sample number <paramref name="index"/>
    /// (0-based). With <paramref name="commit"/> the state advances; without, it must stay as it was.
    /// </summary>
    private protected abstract IndicatorValue Step(in Candle candle, long index, bool commit);

    /// <summary>Keeps the current state (not the input ring, which is indexed by sample number) in checkpoint <paramref name="slot"/>.</summary>
    private protected abstract void SaveState(int slot);

    private protected abstract void RestoreState(int slot);

    private protected abstract void ResetState();

    /// <summary>The ring slot of sample <paramref name="index"/> in a ring of <paramref name="length"/>.</summary>
    private protected static int Slot(long index, int length) => (int)(index % length);

    private void CheckOrder(long openTime)
    {
        if (Samples > 0 && openTime <= Current.OpenTime)
        {
            Throw(openTime, Current.OpenTime);
        }

        static void Throw(long openTime, long last) =>
            throw new ArgumentException($"A candle opening at {openTime} does not follow the last closed candle (open time {last}).", "candle");
    }
}
