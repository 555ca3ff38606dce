namespace CandleDashboard.Core.Indicators;

/// <summary>
/// The exponential moving average step shared by <see cref="ExponentialMovingAverage"/> and
/// <see cref="MovingAverageConvergenceDivergence"/>, as StockCharts and most charting tools define it:
/// the first value (at the N-th input) is the SMA of the first N inputs, then
/// <c>EMA = (x − EMA_prev) × α + EMA_prev</c> with <c>α = 2 / (N + 1)</c> (a decimal rounded at its 28th
/// digit, the same for every step).
/// </summary>
internal readonly struct ExponentialAverage
{
    private readonly decimal _divisor;

    public ExponentialAverage(int period)
    {
        Period = period;
        _divisor = period;
        Smoothing = 2m / (period + 1);
    }

    public int Period { get; }

    /// <summary>α = 2 / (N + 1).</summary>
    public decimal Smoothing { get; }

    /// <param name="state">The sum of the inputs so far while fewer than N, else the previous EMA.</param>
    /// <param name="x">The new input.</param>
    /// <param name="count">Inputs including <paramref name="x"/> (1-based).</param>
    /// <returns>The new state: the EMA once <paramref name="count"/> ≥ N.</returns>
    public decimal Next(decimal state, decimal x, long count) =>
        count < Period ? state + x
        : count == Period ? (state + x) / _divisor
        : ((x - state) * Smoothing) + state;
}
