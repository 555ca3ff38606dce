using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// <c>data_updated</c> for a .NET client: the fetcher's commits of official candles reach the
/// followers of that series and no one else, as the DataUpdated contract.
/// </summary>
public sealed class DataUpdatedTests(HubAppFixture hub) : IClassFixture<HubAppFixture>
{
    private const long FifteenSeconds = 15_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Official_candles_committed_after_a_bucket_closes_reach_the_followers_of_that_series_only()
    {
        await using var btc = await hub.ConnectAsync();
        await using var eth = await hub.ConnectAsync();
        await using var idle = await hub.ConnectAsync();
        var btcUpdates = btc.RecordDataUpdates();
        var btcCandles = btc.RecordCandles();
        var ethUpdates = eth.RecordDataUpdates();
        var idleUpdates = idle.RecordDataUpdates();

        await btc.SubscribeAsync("BTCUSDT", "15s");
        await eth.SubscribeAsync("ETHUSDT", "15s");
        // The fetcher commits each 15 s bucket 2 s after it closes, so an update comes within ~17 s.
        await btcUpdates.UntilCountAsync(1, TimeSpan.FromSeconds(40), "data_updated for BTCUSDT 15s");
        await ethUpdates.UntilCountAsync(1, TimeSpan.FromSeconds(40), "data_updated for ETHUSDT 15s");

        var exchange = hub.App.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Name;
        AssertCommittedRanges(btcUpdates.Received, exchange, "BTCUSDT");
        AssertCommittedRanges(ethUpdates.Received, exchange, "ETHUSDT");
        Assert.Empty(idleUpdates.Received);
        Assert.All(btcCandles.Messages, m => Assert.Equal("BTCUSDT", m.Symbol));
    }

    [Fact]
    public async Task A_published_update_reaches_its_followers_exactly_as_sent_and_as_the_contract()
    {
        // Daily series: the fetcher itself publishes for them only at startup and at midnight UTC,
        // and then for other ranges than these.
        var exchange = hub.App.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Name;
        var bnb = new DataUpdated(exchange, "BNBUSDT", "1d", 1_700_006_400_000, 1_700_092_800_000, 2);
        var sol = new DataUpdated(exchange, "SOLUSDT", "1d", 1_700_092_800_000, 1_700_092_800_000, 1);
        var bus = hub.App.Services.GetRequiredService<IDataUpdatedBus>();
        await using var bnbFollower = await hub.ConnectAsync();
        await using var bnbRawFollower = await hub.ConnectAsync(); // the client binds a method to one type: raw JSON needs its own connection
        await using var solFollower = await hub.ConnectAsync();
        await using var idle = await hub.ConnectAsync();
        var bnbUpdates = bnbFollower.RecordDataUpdates();
        var bnbRaw = bnbRawFollower.Record<JsonElement>("data_updated");
        var solUpdates = solFollower.RecordDataUpdates();
        var idleUpdates = idle.RecordDataUpdates();
        await bnbFollower.SubscribeAsync("BNBUSDT", "1d");
        await bnbRawFollower.SubscribeAsync("BNBUSDT", "1d");
        await solFollower.SubscribeAsync("SOLUSDT", "1d");

        await bus.PublishAsync(bnb, CancellationToken.None);
        await bnbUpdates.UntilAsync(m => m.Any(r => r.Message == bnb), Deadline, "the published BNBUSDT update");
        var raw = (await bnbRaw.UntilAsync(m => m.Any(r => IsJsonOf(r.Message, bnb)), Deadline, "the published BNBUSDT update as JSON"))
            .First(r => IsJsonOf(r.Message, bnb)).Message;
        await bus.PublishAsync(sol, CancellationToken.None);
        await solUpdates.UntilAsync(m => m.Any(r => r.Message == sol), Deadline, "the published SOLUSDT update");

        Assert.Equal(["count", "exchange", "from", "interval", "symbol", "to"], WireJson.Names(raw));
        Assert.All(bnbUpdates.Messages, m => Assert.Equal(("BNBUSDT", "1d"), (m.Symbol, m.Interval)));
        Assert.All(solUpdates.Messages, m => Assert.Equal(("SOLUSDT", "1d"), (m.Symbol, m.Interval)));
        Assert.Empty(idleUpdates.Received);
    }

    private static bool IsJsonOf(JsonElement json, DataUpdated expected) => json.Deserialize<DataUpdated>(WireJson.Strict) == expected;

    /// <summary>Each update names a committed range of closed 15 s buckets of the followed series.</summary>
    private static void AssertCommittedRanges(IReadOnlyList<Received<DataUpdated>> updates, string exchange, string symbol)
    {
        foreach (var (update, receivedAt) in updates)
        {
            Assert.Equal((exchange, symbol, "15s"), (update.Exchange, update.Symbol, update.Interval));
            Assert.Matches("^[a-z0-9]+$", update.Exchange);
            Assert.True(update.Count >= 1, $"count {update.Count}");
            Assert.Equal(0, update.From % FifteenSeconds);
            Assert.Equal(0, update.To % FifteenSeconds);
            Assert.True(update.From <= update.To, $"from {update.From} <= to {update.To}");
            Assert.True(update.To + FifteenSeconds <= receivedAt, $"the last committed bucket ({update.To}) had closed when received ({receivedAt})");
            Assert.True((update.To - update.From) / FifteenSeconds + 1 >= update.Count, $"{update.Count} candles fit in {update.From}..{update.To}");
        }
    }
}
