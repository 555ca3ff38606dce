using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Health;

/// <summary>
/// Each venue's trade feed: live when connected and a frame arrived recently (a silent socket is not a
/// live chart). Unhealthy when no venue is live; Degraded when some are not: an exchange outage is shared
/// by every instance, so taking this one out of the balancer would only lose the venues still live.
/// </summary>
public sealed class FeedFreshnessCheck(VenueDirectory venues, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var problems = new List<string>();
        foreach (var venue in venues.All)
        {
            var (problem, venueData) = Check(venue);
            data[venue.Id] = venueData;
            if (problem is not null)
            {
                problems.Add($"{venue.DisplayName}: {problem}");
            }
        }

        var result = problems.Count == 0 ? HealthCheckResult.Healthy("Every trade feed is live.", data)
            : problems.Count == venues.All.Count ? HealthCheckResult.Unhealthy(string.Join(" ", problems), data: data)
            : HealthCheckResult.Degraded(string.Join(" ", problems), data: data);
        return Task.FromResult(result);
    }

    private (string? Problem, Dictionary<string, object> Data) Check(Venue venue)
    {
        var status = venue.FeedStatus;
        var maxSilence = options.Value.FeedMaxSilence;
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
            ["tradesReceived"] = status.TradesReceived,
            ["reconnects"] = status.ReconnectCount,
        };
        if (status.LastMessageAt is { } last)
        {
            data["lastMessageAt"] = last.ToString("O");
        }

        if (status.State != FeedState.Live)
        {
            return ($"Trade feed is {status.State}.", data);
        }

        var silence = status.LastMessageAt is { } at ? clock.GetUtcNow() - at : TimeSpan.MaxValue;
        return (silence <= maxSilence ? null : $"Trade feed is connected but silent for more than {maxSilence.TotalSeconds:0} s.", data);
    }
}
