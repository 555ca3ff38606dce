using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Redis;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// Two app instances on one redis-server behave as one hub: what one instance sends through its
/// hub reaches clients of the other (SignalR's Redis backplane), while the messages every instance
/// produces itself reach each client once.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class HubBackplaneTests(StoresFixture stores)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_sent_through_one_instances_hub_reaches_a_client_connected_to_another()
    {
        await stores.Redis.SendAsync("FLUSHALL");
        await using var a = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var b = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var client = await HubClient.ConnectAsync(b);
        await client.SubscribeAsync("BTCUSDT", "15s");
        // Values only this test chose, sent only by instance A: B's client can hear them by the backplane alone.
        var sent = new DataUpdated("binance", "BTCUSDT", "15s", 1_700_000_010_000, 1_700_000_040_000, 3);

        await a.Services.GetRequiredService<IHubContext<CandleHub>>().Clients.All.SendAsync(HubMessageNames.DataUpdated, sent);

        Assert.Equal(sent, await client.HearsAsync(m => m.From == sent.From, Deadline));

        // The backplane's channels carry their prefix; the app's own channel keeps its name.
        var channels = await ActiveChannelsAsync();
        Assert.Contains($"{RedisKeys.HubBackplaneChannelPrefix}{typeof(CandleHub).FullName}:all", channels);
        Assert.Contains("data_updated", channels);
        Assert.DoesNotContain(channels, c => c.StartsWith(typeof(CandleHub).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_redis_a_message_sent_through_one_instances_hub_stays_on_that_instance()
    {
        await using var a = await AppInstance.StartAsync(stores.StorelessAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var b = await AppInstance.StartAsync(stores.StorelessAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var client = await HubClient.ConnectAsync(b);
        await client.SubscribeAsync("BTCUSDT", "15s");
        var fromA = new DataUpdated("binance", "BTCUSDT", "15s", 1_700_000_010_000, 1_700_000_040_000, 3);
        var fromB = fromA with { From = 1_700_000_025_000 };

        await a.Services.GetRequiredService<IHubContext<CandleHub>>().Clients.All.SendAsync(HubMessageNames.DataUpdated, fromA);
        // B's own message is the fence: by the time it arrives, a message A could deliver would have too.
        await b.Services.GetRequiredService<IHubContext<CandleHub>>().Clients.All.SendAsync(HubMessageNames.DataUpdated, fromB);

        await client.HearsAsync(m => m == fromB, Deadline);
        Assert.Equal([fromB], client.Heard);
    }

    [Fact]
    public async Task A_follower_hears_each_data_updated_once_although_every_instance_relays_it()
    {
        await stores.Redis.SendAsync("FLUSHALL");
        await using var a = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));
        await using var b = await AppInstance.StartAsync(stores.RedisOnlyAppArgs("--Persistence:FetchOfficialKlines=false"));
        // Followers of the same series on both instances: each instance relays every message to its hub.
        await using var onA = await HubClient.ConnectAsync(a);
        await using var onB = await HubClient.ConnectAsync(b);
        await onA.SubscribeAsync("BTCUSDT", "15s");
        await onB.SubscribeAsync("BTCUSDT", "15s");
        foreach (var instance in new[] { a, b })
        {
            Assert.True(await instance.Services.GetRequiredService<RedisDataUpdatedBus>().WaitUntilSubscribedAsync(Deadline, CancellationToken.None));
        }

        DataUpdated[] published = [.. new[] { 1_700_000_010_000L, 1_700_000_025_000, 1_700_000_040_000 }
            .Select(from => new DataUpdated("binance", "BTCUSDT", "15s", from, from, 1))];
        var bus = a.Services.GetRequiredService<IDataUpdatedBus>();
        foreach (var message in published[..2])
        {
            await bus.PublishAsync(message, CancellationToken.None);
        }

        foreach (var client in new[] { onA, onB })
        {
            await client.HearsAsync(m => m == published[0], Deadline);
            await client.HearsAsync(m => m == published[1], Deadline);
        }

        // A later message through the same two relays is the fence for copies of the first two.
        await bus.PublishAsync(published[2], CancellationToken.None);
        foreach (var client in new[] { onA, onB })
        {
            await client.HearsAsync(m => m == published[2], Deadline);
            Assert.Equal(published, client.Heard.Order(Comparer<DataUpdated>.Create((x, y) => x.From.CompareTo(y.From))));
        }
    }

    /// <summary>PUBSUB CHANNELS: every channel some connection is subscribed to now.</summary>
    private async Task<string[]> ActiveChannelsAsync()
    {
        await using var redis = await RedisConnector.ConnectAsync(stores.Redis.ConnectionString);
        var channels = await redis.GetServer(redis.GetEndPoints()[0]).SubscriptionChannelsAsync(RedisChannel.Pattern("*"));
        return [.. channels.Select(c => c.ToString())];
    }
}
