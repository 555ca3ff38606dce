namespace CandleDashboard.Web.ScaleOut;

/// <summary>How instances on one Redis elect the one that holds each exchange's connection (section <c>ScaleOut</c>).</summary>
public sealed class ScaleOutOptions
{
    public const string SectionName = "ScaleOut";

    /// <summary>
    /// How long a lease outlives its holder's last renewal (renewed every third of it). A killed leader's venues
    /// are taken over within this plus <see cref="LeaseRetry"/>: 5 s + 1 s keeps a takeover under the 10 s goal
    /// with room for the new leader to connect, while a renewal may be late by over 3 s before the lease is lost.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a follower asks for a lease, and a leader whose store did not answer asks again.</summary>
    public TimeSpan LeaseRetry { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromMinutes(1))
        {
            yield return $"ScaleOut:LeaseDuration must be between 00:00:01 and 00:01:00 (was {LeaseDuration}).";
        }

        if (LeaseRetry < TimeSpan.FromMilliseconds(100) || LeaseRetry >= LeaseDuration)
        {
            yield return $"ScaleOut:LeaseRetry must be at least 00:00:00.1 and shorter than ScaleOut:LeaseDuration (was {LeaseRetry}).";
        }
    }
}
