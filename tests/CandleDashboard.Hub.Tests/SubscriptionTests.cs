using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Web.Hubs;

namespace CandleDashboard.Hub.Tests;

/// <summary>What Subscribe and Unsubscribe do for a .NET client, and what they hold on the server.</summary>
[Collection(LiveHubCollection.Name)]
public sealed class SubscriptionTests(HubAppFixture hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Symbols_are_normalized_so_btcusdt_with_spaces_follows_BTCUSDT()
    {
        await using var client = await hub.ConnectAsync();
        var candles = client.RecordCandles();

        await client.SubscribeAsync(" btcusdt ", "15s");
        var first = (await candles.UntilCountAsync(1, Deadline, "a candle")).First().Message;

        Assert.Equal("BTCUSDT", first.Symbol);
        Assert.Equal("15s", first.Interval);
        // The spelling BTCUSDT is the same series: following it again takes no second slot.
        await client.SubscribeAsync("BTCUSDT", "15s");
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));
    }

    [Fact]
    public async Task Unsubscribe_stops_that_series_while_the_others_go_on()
    {
        await using var client = await hub.ConnectAsync();
        var candles = client.RecordCandles();

        await client.SubscribeAsync("BTCUSDT", "15s");
        await client.SubscribeAsync("ETHUSDT", "15s");
        await candles.UntilAsync(m => m.Any(r => r.Message.Symbol == "BTCUSDT"), Deadline, "a BTCUSDT candle");

        await client.UnsubscribeAsync("BTCUSDT", "15s");
        // What was sent before the unsubscribe completed arrives before its completion; nothing after it.
        var cut = candles.Count;
        var received = await candles.UntilAsync(m => m.Skip(cut).Count(r => r.Message.Symbol == "ETHUSDT") >= 5, Deadline, "5 more ETHUSDT candles");

        Assert.All(received.Skip(cut), r => Assert.Equal("ETHUSDT", r.Message.Symbol));
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));

        // Unsubscribing again is harmless.
        await client.UnsubscribeAsync("BTCUSDT", "15s");
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));
    }

    [Fact]
    public async Task Connections_on_one_series_each_receive_it_through_one_core_subscription()
    {
        var series = new VenueKey<Series>(hub.App.Venue(), new Series("SOLUSDT", Interval.OneMinute));
        await hub.IdleAsync();
        var baseline = hub.CoreBaseline;
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => hub.ConnectAsync()));
        try
        {
            var recorders = clients.Select(c => c.RecordCandles()).ToList();
            await Task.WhenAll(clients.Select(c => c.SubscribeAsync("SOLUSDT", "1m")));

            Assert.Equal(baseline + 1, hub.App.Stream.SubscriptionCount);
            Assert.Equal(5, hub.App.Registry.FollowersOf(series));
            foreach (var recorder in recorders)
            {
                var received = await recorder.UntilCountAsync(3, Deadline, "3 SOLUSDT 1m candles");
                Assert.All(received, r => Assert.Equal(("SOLUSDT", "1m"), (r.Message.Symbol, r.Message.Interval)));
            }

            // Four leave: the series stays open for the last follower, which still receives it.
            await Task.WhenAll(clients.Skip(1).Select(c => c.DisposeAsync().AsTask()));
            await Eventually.HoldsAsync(() => hub.App.Registry.FollowersOf(series) == 1, Deadline, "4 of 5 followers gone");
            Assert.Equal(baseline + 1, hub.App.Stream.SubscriptionCount);
            var cut = recorders[0].Count;
            await recorders[0].UntilCountAsync(cut + 2, Deadline, "2 more SOLUSDT candles for the last follower");

            // The last one leaves: the core subscription goes with it.
            await clients[0].DisposeAsync();
            await Eventually.HoldsAsync(() => hub.App.Stream.SubscriptionCount == baseline && hub.App.Registry.OpenSeriesCount == 0, Deadline, "the core subscription released");
        }
        finally
        {
            // Disposing a connection twice is harmless; this closes whatever a failed assertion left open.
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
