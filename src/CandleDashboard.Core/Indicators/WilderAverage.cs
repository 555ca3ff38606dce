namespace CandleDashboard.Core.Indicators;

/// <summary>
/// Wilder's smoothing, shared by <see cref="RelativeStrengthIndex"/> and <see cref="AverageTrueRange"/>
/// as Wilder defined it: the first average (at the N-th input) is the SMA of the first N inputs, then
/// <c>avg = (avg_prev × (N − 1) + x) / N</c> (one division per step, rounded at decimal's 28th digit).
/// </summary>
internal readonly struct WilderAverage
{
    private readonly decimal _divisor;
    private readonly decimal _kept;

    public WilderAverage(int period)
    {
        Period = period;
        _divisor = period;
        _kept = period - 1;
    }

    public int Period { get; }

    /// <param name="state">The sum of the inputs so far while fewer than N, else the previous average.</param>
    /// <param name="x">The new input.</param>
    /// <param name="count">Inputs including <paramref name="x"/> (1-based).</param>
    public decimal Next(decimal state, decimal x, long count) =>
        count < Period ? state + x
        : count == Period ? (state + x) / _divisor
        : ((state * _kept) + x) / _divisor;
}
