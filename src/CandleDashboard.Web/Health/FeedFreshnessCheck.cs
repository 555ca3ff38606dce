using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Health;

/// <summary>Ready when the trade feed is connected and a frame arrived recently (a silent socket is not a live chart).</summary>
public sealed class FeedFreshnessCheck(IExchange exchange, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = exchange.Trades.Status;
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
            return Task.FromResult(HealthCheckResult.Unhealthy($"Trade feed is {status.State}.", data: data));
        }

        var silence = status.LastMessageAt is { } at ? clock.GetUtcNow() - at : TimeSpan.MaxValue;
        return Task.FromResult(silence <= maxSilence
            ? HealthCheckResult.Healthy("Trade feed is live.", data)
            : HealthCheckResult.Unhealthy($"Trade feed is connected but silent for more than {maxSilence.TotalSeconds:0} s.", data: data));
    }
}
