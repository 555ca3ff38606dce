using CandleDashboard.Tests.Shared;

namespace CandleDashboard.Hub.Tests;

/// <summary>Once every .NET client has left, the server holds nothing for them.</summary>
[Collection(LiveHubCollection.Name)]
public sealed class CleanupTests(HubAppFixture hub)
{
    [Fact]
    public async Task After_every_client_disconnects_no_core_subscription_is_left_behind()
    {
        await hub.IdleAsync();
        var baseline = hub.CoreBaseline;
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hub.ConnectAsync()));
        try
        {
            // Shared and separate series, a series given up, and a refused call.
            await clients[0].SubscribeAsync("BTCUSDT", "15s");
            await clients[0].SubscribeAsync("ETHUSDT", "1h");
            await clients[1].SubscribeAsync("BTCUSDT", "15s");
            await clients[1].SubscribeAsync("SOLUSDT", "5m");
            await clients[1].UnsubscribeAsync("SOLUSDT", "5m");
            await clients[2].SubscribeAsync("BNBUSDT", "4h");
            await clients[2].RefusalAsync("Subscribe", "DOGEUSDT", "1m");
            await clients[3].SubscribeAsync("bnbusdt", "4h");

            Assert.Equal(3, hub.App.Registry.OpenSeriesCount); // BTCUSDT 15s, ETHUSDT 1h, BNBUSDT 4h
            Assert.Equal(baseline + 3, hub.App.Stream.SubscriptionCount);
            Assert.Equal(4, hub.App.Connections.OpenConnections);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }

        // The server cleans up after the clients have gone, so this is polled with a deadline.
        var held = await Eventually.ReachesAsync(
            () => (CoreSubscriptions: hub.App.Stream.SubscriptionCount, hub.App.Registry.OpenSeriesCount, hub.App.Registry.ConnectionCount, hub.App.Connections.OpenConnections),
            now => now == (baseline, 0, 0, 0),
            TimeSpan.FromSeconds(10),
            $"everything released down to the app's own {baseline} core subscriptions");
        Assert.Equal((baseline, 0, 0, 0), held);
        Assert.Equal(0, hub.App.Metrics.OpenHubConnections);
    }
}
