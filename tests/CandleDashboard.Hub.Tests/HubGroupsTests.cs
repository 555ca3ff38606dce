using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Hubs;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Hub.Tests;

/// <summary>Group names: one per series (and indicator) per venue per instance, so no follower gets another's messages.</summary>
[Collection(LiveHubCollection.Name)]
public sealed class HubGroupsTests(HubAppFixture hub)
{
    private Venue Binance => hub.App.Venue("binance");

    private Venue Kraken => hub.App.Venue("kraken");

    [Theory]
    [InlineData("BTCUSDT", "1m", "candles:binance:BTCUSDT:1m@")]
    [InlineData("ETHUSDT", "15s", "candles:binance:ETHUSDT:15s@")]
    public void Each_series_has_its_own_group_on_each_instance(string symbol, string interval, string prefix)
    {
        var series = new VenueKey<Series>(Binance, new Series(symbol, Interval.Parse(interval)));
        var instance = new HubGroups();
        var other = new HubGroups();

        Assert.StartsWith(prefix, instance.Of(series));
        Assert.Equal(instance.Of(series), instance.Of(new VenueKey<Series>(Binance, new Series(symbol, Interval.Parse(interval)))));
        Assert.NotEqual(instance.Of(series), instance.Of(series with { Key = new Series(symbol == "BTCUSDT" ? "ETHUSDT" : "BTCUSDT", series.Key.Interval) }));
        Assert.NotEqual(instance.Of(series), other.Of(series));
    }

    [Fact]
    public void The_same_series_and_indicator_on_two_venues_have_two_groups()
    {
        var groups = new HubGroups();
        var series = new Series("BTCUSD", Interval.OneMinute);
        var indicator = new IndicatorKey(series, IndicatorSpec.Parse("ema(21)"));

        Assert.StartsWith("candles:kraken:BTCUSD:1m@", groups.Of(new VenueKey<Series>(Kraken, series)));
        Assert.NotEqual(groups.Of(new VenueKey<Series>(Binance, series)), groups.Of(new VenueKey<Series>(Kraken, series)));
        Assert.StartsWith("indicators:kraken:BTCUSD:1m:ema(21)@", groups.Of(new VenueKey<IndicatorKey>(Kraken, indicator)));
        Assert.NotEqual(groups.Of(new VenueKey<IndicatorKey>(Binance, indicator)), groups.Of(new VenueKey<IndicatorKey>(Kraken, indicator)));
    }
}
