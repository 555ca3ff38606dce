using CandleDashboard.Contracts;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Web.Hubs;
using CandleDashboard.Web.Venues;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The hub serves every venue (zero-config: Binance by default, Kraken by id): a Kraken follower gets
/// Kraken's candles, indicators and data_updated, marked with the exchange, next to its Binance series.
/// </summary>
[Collection(LiveHubCollection.Name)]
public sealed class VenueHubTests(HubAppFixture hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private Venue Kraken => hub.App.Venue("kraken");

    private Venue Binance => hub.App.Venue();

    [Fact]
    public async Task A_kraken_follower_receives_krakens_candles_marked_kraken_next_to_its_binance_series()
    {
        await using var client = await hub.ConnectAsync();
        var candles = client.RecordCandles();
        var krakenBaseline = Kraken.Live.SubscriptionCount;

        await client.SubscribeAsync("BTCUSDT", "1m");
        await client.SubscribeAsync("KRAKEN", " btcusd ", "1m");

        // One slot each on the one cap, one core subscription on Kraken's own stream.
        Assert.Equal(2, hub.App.Registry.CountFor(client.ConnectionId));
        Assert.Equal(1, hub.App.Registry.FollowersOf(new(Kraken, new Series("BTCUSD", Interval.OneMinute))));
        Assert.Equal(krakenBaseline + 1, Kraken.Live.SubscriptionCount);

        // The hub sends the latest value, so a received forming candle is the venue's forming candle
        // unless a trade came in between; one of the messages is caught equal.
        var received = await candles.UntilAsync(
            m => m.Any(r => IsFormingOf(Kraken, r.Message)) && m.Any(r => IsFormingOf(Binance, r.Message)),
            Deadline,
            "a Kraken and a Binance candle equal to their venue's forming candle");
        Assert.All(received, r => Assert.Contains((r.Message.Exchange, r.Message.Symbol, r.Message.Interval), new[] { ("kraken", "BTCUSD", "1m"), ("binance", "BTCUSDT", "1m") }));

        // Leaving Kraken stops its candles; Binance's go on.
        await client.UnsubscribeAsync("kraken", "BTCUSD", "1m");
        var cut = candles.Count;
        var after = await candles.UntilAsync(m => m.Skip(cut).Count() >= 5, Deadline, "5 more candles");
        Assert.All(after.Skip(cut), r => Assert.Equal("binance", r.Message.Exchange));
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));
        await Eventually.HoldsAsync(() => Kraken.Live.SubscriptionCount == krakenBaseline, Deadline, "Kraken's core subscription released");
    }

    [Theory]
    [InlineData("SubscribeExchange", "bitstamp", "Unknown exchange 'bitstamp'. Offered: binance, kraken.")]
    [InlineData("UnsubscribeExchange", "kra ken;", "Unknown exchange 'kra?ken?'. Offered: binance, kraken.")]
    public async Task An_unknown_exchange_is_refused_with_the_apis_message_and_the_connection_serves_on(string method, string exchange, string message)
    {
        await using var client = await hub.ConnectAsync();

        Assert.Equal(HubErrors.Refused(method, message), await client.RefusalAsync(method, exchange, "BTCUSD", "1m"));
        Assert.Equal(
            HubErrors.Refused("SubscribeExchangeIndicator", message),
            await client.RefusalAsync("SubscribeExchangeIndicator", exchange, "BTCUSD", "1m", "ema(21)"));
        // Each venue checks the series against its own catalog.
        Assert.Equal(
            HubErrors.Refused("SubscribeExchange", "Unknown symbol 'BTCUSDT'. Available symbols: BTCUSD, ETHUSD."),
            await client.RefusalAsync("SubscribeExchange", "kraken", "BTCUSDT", "1m"));

        Assert.Equal(HubConnectionState.Connected, client.State);
        Assert.Equal(0, hub.App.Registry.CountFor(client.ConnectionId));
        await client.SubscribeAsync("kraken", "ETHUSD", "1m");
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));
    }

    [Fact]
    public async Task Data_updated_for_a_kraken_series_reaches_its_kraken_followers_only()
    {
        // Daily series: the fetcher publishes for them itself only at startup and midnight UTC, for other ranges.
        var update = new DataUpdated(Kraken.Exchange.Name, "BTCUSD", "1d", 1_700_006_400_000, 1_700_092_800_000, 2);
        var bus = hub.App.Services.GetRequiredService<IDataUpdatedBus>();
        await using var krakenFollower = await hub.ConnectAsync();
        await using var binanceFollower = await hub.ConnectAsync();
        var krakenUpdates = krakenFollower.RecordDataUpdates();
        var binanceUpdates = binanceFollower.RecordDataUpdates();
        await krakenFollower.SubscribeAsync("kraken", "BTCUSD", "1d");
        await binanceFollower.SubscribeAsync("BTCUSDT", "1d");
        await binanceFollower.SubscribeAsync("binance", "BNBUSDT", "1d");

        await bus.PublishAsync(update, CancellationToken.None);
        await krakenUpdates.UntilAsync(m => m.Any(r => r.Message == update), Deadline, "the published Kraken BTCUSD update");
        // Binance's own update, published after Kraken's: once it has arrived, Kraken's would have too.
        var binance = new DataUpdated(Binance.Exchange.Name, "BNBUSDT", "1d", 1_700_006_400_000, 1_700_006_400_000, 1);
        await bus.PublishAsync(binance, CancellationToken.None);
        await binanceUpdates.UntilAsync(m => m.Any(r => r.Message == binance), Deadline, "the published Binance BNBUSDT update");

        Assert.DoesNotContain(binanceUpdates.Messages, m => m == update);
        Assert.All(krakenUpdates.Messages, m => Assert.Equal((Kraken.Exchange.Name, "BTCUSD", "1d"), (m.Exchange, m.Symbol, m.Interval)));
    }

    [Fact]
    public async Task An_indicator_on_kraken_carries_krakens_values_and_its_exchange()
    {
        var key = new IndicatorKey(new Series("ETHUSD", Interval.FifteenSeconds), IndicatorSpec.Parse("sma(3)"));
        var followers = hub.App.Services.GetRequiredService<HubSubscriptionRegistry<VenueKey<IndicatorKey>>>();
        var client = await hub.ConnectAsync();
        try
        {
            var received = client.Record<IndicatorMessage>("indicator");

            Assert.Equal("sma(3)", await client.Connection.InvokeAsync<string>("SubscribeExchangeIndicator", "kraken", "ethusd", "15s", "SMA(period=3)"));
            Assert.Equal((1, 1, 0), (Kraken.Indicators.ViewersOf(key), followers.FollowersOf(new(Kraken, key)), followers.FollowersOf(new(Binance, key))));

            var messages = await received.UntilAsync(m => m.Any(r => r.Message.Kind == "closed"), Deadline, "a closed Kraken value");
            Assert.All(messages, r => Assert.Equal(("kraken", "ETHUSD", "15s", "sma(3)"), (r.Message.Exchange, r.Message.Symbol, r.Message.Interval, r.Message.Indicator)));

            // The closed value is Kraken's calculator's, to the last digit.
            var closed = Assert.Single(messages.First(r => r.Message.Kind == "closed").Message.Values);
            using (var lease = Kraken.Indicators.TryAcquireRunning(key)!)
            {
                var held = lease.Indicator.ValuesFrom(closed.OpenTime)[0];
                Assert.Equal((closed.OpenTime, held.Value), (held.OpenTime, decimal.Parse(closed.Values!["sma"], System.Globalization.CultureInfo.InvariantCulture)));
            }

            await client.Connection.InvokeAsync("UnsubscribeExchangeIndicator", "kraken", "ETHUSD", "15s", "sma(3)");
            Assert.Equal(0, followers.FollowersOf(new(Kraken, key)));
        }
        finally
        {
            await client.DisposeAsync();
        }

        await Eventually.HoldsAsync(() => Kraken.Indicators.ViewersOf(key) == 0, Deadline, "Kraken's calculator dropped");
    }

    /// <summary>The message is of the venue and equals its stream's forming candle now.</summary>
    private static bool IsFormingOf(Venue venue, CandleMessage message) =>
        message.Exchange == venue.Id
        && !message.Candle.Closed
        && venue.Live.TryGetForming(message.Symbol, Interval.Parse(message.Interval), out var forming)
        && CandleJson.From(forming) == message.Candle;
}
