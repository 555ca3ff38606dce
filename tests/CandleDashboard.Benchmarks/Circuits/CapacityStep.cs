namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>One point of the capacity curve: what the viewers received and what it cost the app.</summary>
public sealed record CapacityStep(LoadWindow Load, double AppCpuPercent, double HarnessCpuPercent, long AppResidentBytes)
{
    public const string Header =
        "viewers | app CPU % | harness CPU % | app MB | KB/viewer (over idle) | KB/viewer (over last step) | updates/s mean (p5, min) | delay p50 / p99 ms (n)";

    /// <summary>
    /// A row of the curve. Memory per viewer twice: the growth over the idle app shared by all viewers
    /// (includes what the first viewers warm up once: JIT, pools), and the growth since the previous
    /// step per added viewer (closer to what one more viewer costs).
    /// </summary>
    public string Row(ProcessSample idle, CapacityStep? previous)
    {
        var overIdle = (AppResidentBytes - idle.ResidentBytes) / 1024.0 / Load.Viewers;
        var marginal = previous is null ? "–" : $"{(AppResidentBytes - previous.AppResidentBytes) / 1024.0 / (Load.Viewers - previous.Load.Viewers):0}";
        return $"{Load.Viewers} | {AppCpuPercent:0} | {HarnessCpuPercent:0} | {AppResidentBytes / 1048576.0:0} | {overIdle:0} | {marginal} | " +
            $"{Load.MeanUpdatesPerSecond:0.00} ({Load.P5UpdatesPerSecond:0.00}, {Load.MinUpdatesPerSecond:0.00}) | {Load.Delay.P50:0} / {Load.Delay.P99:0} ({Load.Delay.Count})";
    }
}
