namespace CandleDashboard.Benchmarks.Latency;

/// <summary>Nearest-rank percentiles of a latency sample, in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P90, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() => $"n={Count} p50={P50:0.0} ms p90={P90:0.0} ms p99={P99:0.0} ms max={Max:0.0} ms";
}
