using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.AspNetCore.SignalR;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Forwards the fetcher's <see cref="DataUpdated"/> (from this instance or, with Redis, any other)
/// to this instance's hub followers of that series on the venue that stores under the message's
/// exchange (every instance hears every message and relays
/// it to its own followers). A series without followers has an empty group, which SignalR skips
/// at no cost.
/// </summary>
/// <remarks>Sent like the candles (<see cref="HubSendDeadline"/>): nobody waits for a follower that stopped reading.</remarks>
internal sealed class DataUpdatedRelay(IDataUpdatedBus bus, VenueDirectory venues, IHubContext<CandleHub> hub, HubGroups groups, IOptions<CandleHubOptions> options, ILogger<DataUpdatedRelay> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(OnDataUpdated);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnDataUpdated(DataUpdated message)
    {
        // Messages may come from other instances over Redis: only well-formed series become group names.
        // The message names the venue by its storage name (simulator mode: simulatorkraken for Kraken);
        // one no venue here stores under is not for this instance's followers.
        var venue = venues.All.FirstOrDefault(v => v.Exchange.Name == message.Exchange);
        if (venue is null || !Symbols.IsValid(message.Symbol) || !Interval.TryParse(message.Interval, out var interval))
        {
            return;
        }

        // The message itself is the wire contract (see Contracts/DataUpdatedJson).
        var group = groups.Of(new VenueKey<Series>(venue, new Series(message.Symbol, interval)));
        HubSendDeadline.Start(
            deadline => hub.Clients.Group(group).SendAsync(HubMessageNames.DataUpdated, message, deadline),
            options.Value.SlowFollowerTimeout,
            watch: null,
            ex =>
            {
                if (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Hub data_updated to {Group} failed", group);
                }
            });
    }
}
