namespace CandleDashboard.Web.Health;

/// <summary>Readiness thresholds, bound from the <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>A live feed with no frame for this long is not ready: trades have probably stopped.</summary>
    public TimeSpan FeedMaxSilence { get; set; } = TimeSpan.FromSeconds(30);
}
