using CandleDashboard.Core.Coordination;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.ScaleOut;

/// <summary>
/// Keeps this instance's claim on a venue's lease (<see cref="ILeaseProvider"/>) and tells the venue's
/// <see cref="VenueLeadership"/> when a term begins and ends. A follower asks every <see cref="ScaleOutOptions.LeaseRetry"/>;
/// a leader whose lease is lost asks again at once and steps down only when another instance holds it. When the
/// lease store does not answer, every instance keeps its role: nobody else can take the lease from that store
/// either, and a leader that stopped on every Redis hiccup would stop every chart's live candles with it.
/// </summary>
internal sealed class LeadershipWorker(
    Venue venue,
    ILeaseProvider leases,
    IOptions<ScaleOutOptions> options,
    TimeProvider timeProvider,
    ILogger<LeadershipWorker> logger) : BackgroundService
{
    /// <summary>The lease's name: one per exchange, as the candles are stored under it.</summary>
    public static string LeaseName(Venue venue) => $"exchange.{venue.Exchange.Name}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leadership = venue.Leadership;
        var retry = options.Value.LeaseRetry;
        var name = LeaseName(venue);
        var unreachable = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            ILease? lease;
            try
            {
                lease = await leases.TryAcquireAsync(name, stoppingToken);
                unreachable = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (unreachable++ % 30 == 0)
                {
                    logger.LogWarning(ex, "The {Exchange} lease could not be asked for; this instance stays {Role} meanwhile", venue.Id, leadership.IsLeader ? "the leader" : "a follower");
                }

                await Delay(retry, stoppingToken);
                continue;
            }

            if (lease is null)
            {
                if (leadership.IsLeader)
                {
                    logger.LogWarning("Another instance holds the {Exchange} lease now; this one follows", venue.Id);
                    leadership.EndTerm();
                }

                await Delay(retry, stoppingToken);
                continue;
            }

            await using (lease)
            {
                if (!leadership.IsLeader)
                {
                    logger.LogInformation("This instance leads {Exchange}: it holds the exchange connection and runs the fetcher", venue.Id);
                    leadership.BeginTerm();
                }

                // Until the lease is lost or the app stops; disposing then releases it at once, so on a clean
                // shutdown another instance takes over within a retry, not a lease duration.
                using var held = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, stoppingToken);
                await Delay(Timeout.InfiniteTimeSpan, held.Token);
                if (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("The {Exchange} lease could not be renewed; asking for it again", venue.Id);
                }
            }
        }

        leadership.EndTerm();
    }

    private async Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
