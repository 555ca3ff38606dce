using System.Globalization;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Hub.Tests;

/// <summary>SubscribeIndicator over the real app: one shared calculator behind every follower, values as it computed them.</summary>
[Collection(LiveHubCollection.Name)]
public sealed class IndicatorSubscriptionTests(HubAppFixture hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private SharedIndicatorSet Indicators => Default.Indicators;

    private HubSubscriptionRegistry<VenueKey<IndicatorKey>> Followers => hub.App.Services.GetRequiredService<HubSubscriptionRegistry<VenueKey<IndicatorKey>>>();

    private Venue Default => hub.App.Venue();

    [Fact]
    public async Task Two_followers_share_one_calculator_receive_its_values_and_it_is_dropped_when_both_leave()
    {
        var key = new IndicatorKey(new Series("BNBUSDT", Interval.FifteenSeconds), IndicatorSpec.Parse("sma(5)"));
        var first = await hub.ConnectAsync();
        var second = await hub.ConnectAsync();
        try
        {
            var received = first.Record<IndicatorMessage>("indicator");
            var alsoReceived = second.Record<IndicatorMessage>("indicator");

            Assert.Equal("sma(5)", await first.Connection.InvokeAsync<string>("SubscribeIndicator", "bnbusdt", "15s", "SMA(period=5)"));
            Assert.Equal("sma(5)", await second.Connection.InvokeAsync<string>("SubscribeIndicator", "BNBUSDT", "15s", "sma(5)"));

            // One calculator, held once by the hub however many follow it.
            Assert.Equal((1, 2), (Indicators.ViewersOf(key), Followers.FollowersOf(new(Default, key))));

            var messages = await received.UntilAsync(m => m.Any(r => r.Message.Kind == "closed"), Deadline, "a closed value");
            await alsoReceived.UntilAsync(m => m.Any(r => r.Message.Kind == "closed"), Deadline, "a closed value for the second follower");
            Assert.All(messages, r => Assert.Equal(("binance", "BNBUSDT", "15s", "sma(5)"), (r.Message.Exchange, r.Message.Symbol, r.Message.Interval, r.Message.Indicator)));

            // The closed value is the calculator's, to the last digit.
            var closed = Assert.Single(messages.First(r => r.Message.Kind == "closed").Message.Values);
            var lease = Indicators.TryAcquireRunning(key)!;
            using (lease)
            {
                var held = lease.Indicator.ValuesFrom(closed.OpenTime)[0];
                Assert.Equal(closed.OpenTime, held.OpenTime);
                Assert.Equal(held.Value, decimal.Parse(closed.Values!["sma"], CultureInfo.InvariantCulture));
            }

            await first.Connection.InvokeAsync("UnsubscribeIndicator", "BNBUSDT", "15s", "sma(5)");
            Assert.Equal((1, 1), (Indicators.ViewersOf(key), Followers.FollowersOf(new(Default, key))));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        await Eventually.HoldsAsync(() => Indicators.ViewersOf(key) == 0 && Followers.FollowersOf(new(Default, key)) == 0, Deadline, "the calculator dropped");
    }

    [Theory]
    [InlineData("ema(0)", "Parameter 'period' of ema must be a whole number from 1 to 1000; 0 is out of range.")]
    [InlineData("supertrend", "Unknown indicator 'supertrend'. Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.")]
    [InlineData(null, "Indicator is required, e.g. ema(21). Available indicators: sma, ema, wma, vwap, avwap, bollinger, rsi, macd, atr, volume_sma.")]
    public async Task A_bad_indicator_is_refused_with_the_engines_message_and_the_connection_lives_on(string? indicator, string message)
    {
        await using var client = await hub.ConnectAsync();

        Assert.Equal(HubErrors.Refused("SubscribeIndicator", message), await client.RefusalAsync("SubscribeIndicator", "BTCUSDT", "1m", indicator));
        Assert.Equal(0, Followers.CountFor(client.ConnectionId));
        Assert.Equal("ema(21)", await client.Connection.InvokeAsync<string>("SubscribeIndicator", "BTCUSDT", "1m", "ema(21)"));
    }
}
