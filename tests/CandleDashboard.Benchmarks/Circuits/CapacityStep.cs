namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>One point of the capacity curve: what the viewers received and what it cost the app.</summary>
public sealed record CapacityStep(LoadWindow Load, double AppCpuPercent, double HarnessCpuPercent, long AppResidentBytes)
{
    /// <summary>A row of the curve; memory per viewer is the growth over the idle app, shared by the viewers.</summary>
    public string Row(ProcessSample idle) =>
        $"{Load.Viewers} | {AppCpuPercent:0} | {HarnessCpuPercent:0} | {AppResidentBytes / 1048576.0:0} | {(AppResidentBytes - idle.ResidentBytes) / 1024.0 / Load.Viewers:0} | " +
        $"{Load.MeanUpdatesPerSecond:0.00} ({Load.P5UpdatesPerSecond:0.00}, {Load.MinUpdatesPerSecond:0.00}) | {Load.Delay.P50:0} / {Load.Delay.P99:0} ({Load.Delay.Count})";
}
