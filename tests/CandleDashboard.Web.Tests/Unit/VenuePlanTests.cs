using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Tests.Unit;

/// <summary>Which exchanges a run serves, from <c>Dashboard:Exchanges</c> and the exchange mode.</summary>
public sealed class VenuePlanTests
{
    [Fact]
    public void Zero_config_shows_both_venues_through_the_simulator()
    {
        var plan = VenuePlan.From(new DashboardOptions(), ExchangeMode.Simulator);

        Assert.Equal(["binance", "kraken"], plan.Venues.Select(v => v.Id));
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT"], plan.Default.EffectiveSymbols);
        Assert.Equal(["BTCUSD", "ETHUSD"], plan.Venues[1].EffectiveSymbols);
    }

    [Fact]
    public void Against_the_real_exchanges_a_second_venue_is_opted_into()
    {
        var plan = VenuePlan.From(new DashboardOptions { Symbols = ["ethusdt"] }, ExchangeMode.Binance);

        var only = Assert.Single(plan.Venues);
        Assert.Equal(VenueKind.Binance, only.Kind);
        Assert.Equal(["ETHUSDT"], only.EffectiveSymbols);
    }

    [Fact]
    public void Listed_venues_keep_their_order_and_symbols()
    {
        var plan = VenuePlan.From(
            new DashboardOptions
            {
                Symbols = ["SOLUSDT"],
                Exchanges = [new() { Name = "Kraken", Symbols = ["xbtusd", "ETHUSD", "XBTUSD"] }, new() { Name = "binance" }],
            },
            ExchangeMode.Binance);

        Assert.Equal(["kraken", "binance"], plan.Venues.Select(v => v.Id));
        Assert.Equal(["XBTUSD", "ETHUSD"], plan.Default.EffectiveSymbols);
        // A listed Binance without symbols takes Dashboard:Symbols.
        Assert.Equal(["SOLUSDT"], plan.Venues[1].EffectiveSymbols);
    }

    [Fact]
    public void Every_mistake_is_reported_with_its_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => VenuePlan.From(
            new DashboardOptions
            {
                Exchanges = [new() { Name = "coinbase" }, new() { Name = "kraken", Symbols = ["BTC/USD"] }, new() { Name = "KRAKEN" }, new() { Name = "1" }],
            },
            ExchangeMode.Simulator));

        var failures = ex.Failures.ToArray();
        Assert.Equal(4, failures.Length);
        Assert.Contains("Dashboard:Exchanges:0:Name is 'coinbase'; use one of: binance, kraken.", failures);
        Assert.Contains(failures, f => f.StartsWith("Dashboard:Exchanges:1:Symbols contains 'BTC/USD'", StringComparison.Ordinal));
        Assert.Contains("Dashboard:Exchanges lists 'kraken' twice; list each exchange once, with all its symbols.", failures);
        Assert.Contains(failures, f => f.StartsWith("Dashboard:Exchanges:3:Name is '1'", StringComparison.Ordinal));
    }
}
