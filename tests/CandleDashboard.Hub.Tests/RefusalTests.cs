using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// Invalid calls are refused with a HubException whose text the .NET client reads (the rules and
/// texts of SeriesCatalog and InputEcho), record nothing, and leave the connection serving.
/// </summary>
public sealed class RefusalTests(RefusalHubAppFixture hub) : IClassFixture<RefusalHubAppFixture>
{
    private const string Intervals = "15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d";
    private const string SymbolRule = "is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.";
    private const string SymbolRequired = "Symbol is required (e.g. BTCUSDT).";

    /// <summary>Refused input is echoed cut to 32 characters, anything but letters, digits, '.', '-', '_' as '?'.</summary>
    private static readonly Dictionary<string, (string? Symbol, string Message)> HostileSymbols = new()
    {
        ["very long"] = (new string('A', 10_000), $"Symbol '{new string('A', 32)}…' {SymbolRule}"),
        ["21 letters"] = (new string('A', 21), $"Symbol '{new string('A', 21)}' {SymbolRule}"),
        ["wildcard"] = ("*", $"Symbol '?' {SymbolRule}"),
        ["colon (group separator)"] = ("BTCUSDT:15s", $"Symbol 'BTCUSDT?15s' {SymbolRule}"),
        ["cyrillic look-alikes"] = ("\u0412\u0422\u0421USDT", $"Symbol '???USDT' {SymbolRule}"),
        ["emoji (two UTF-16 units)"] = ("\U0001F680USDT", $"Symbol '??USDT' {SymbolRule}"),
        ["SQL"] = ("BTCUSDT'; DROP TABLE candles;--", $"Symbol 'BTCUSDT???DROP?TABLE?candles?--' {SymbolRule}"),
        ["path"] = ("../../etc/passwd", $"Symbol '..?..?etc?passwd' {SymbolRule}"),
        ["control character"] = ("BTC\0USDT", $"Symbol 'BTC?USDT' {SymbolRule}"),
        ["empty"] = ("", SymbolRequired),
        ["whitespace"] = ("   ", SymbolRequired),
        ["null"] = (null, SymbolRequired),
    };

    private static readonly Dictionary<string, (string? Interval, string Message)> HostileIntervals = new()
    {
        ["null"] = (null, $"Interval is required. Available intervals: {Intervals}."),
        ["empty"] = ("", $"Interval is required. Available intervals: {Intervals}."),
        ["wildcard"] = ("*", $"Unknown interval '?'. Available intervals: {Intervals}."),
        ["SQL"] = ("1m; DROP", $"Unknown interval '1m??DROP'. Available intervals: {Intervals}."),
        ["very long"] = (new string('x', 5_000), $"Unknown interval '{new string('x', 32)}…'. Available intervals: {Intervals}."),
        ["full-width digit"] = ("\uFF11m", $"Unknown interval '?m'. Available intervals: {Intervals}."),
    };

    /// <summary>Arguments a typed .NET client would never send, as other clients can.</summary>
    private static readonly Dictionary<string, object?[]> Unbindable = new()
    {
        ["number as symbol"] = [42, "1m"],
        ["object as symbol"] = [new { symbol = "BTCUSDT" }, "1m"],
        ["array as symbol"] = [new[] { "BTCUSDT" }, "1m"],
        ["one argument"] = ["BTCUSDT"],
        ["three arguments"] = ["BTCUSDT", "1m", "extra"],
    };

    public static TheoryData<string> HostileSymbolCases => [.. HostileSymbols.Keys];

    public static TheoryData<string> HostileIntervalCases => [.. HostileIntervals.Keys];

    public static TheoryData<string> UnbindableCases => [.. Unbindable.Keys];

    [Fact]
    public async Task An_invalid_symbol_is_refused_with_the_rule()
    {
        await using var client = await hub.ConnectAsync();
        Assert.Equal(
            HubErrors.Refused("Subscribe", $"Symbol 'BTC-USDT' {SymbolRule}"),
            await client.RefusalAsync("Subscribe", "BTC-USDT", "1m"));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task An_unknown_symbol_is_refused_with_the_configured_list()
    {
        await using var client = await hub.ConnectAsync();
        Assert.Equal(
            HubErrors.Refused("Subscribe", "Unknown symbol 'DOGEUSDT'. Available symbols: BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT."),
            await client.RefusalAsync("Subscribe", "DOGEUSDT", "1m"));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("2m")]
    [InlineData("1M")] // a month on exchanges, never a minute
    [InlineData("1w")]
    public async Task An_unknown_interval_is_refused_with_the_configured_list(string interval)
    {
        await using var client = await hub.ConnectAsync();
        Assert.Equal(
            HubErrors.Refused("Subscribe", $"Unknown interval '{interval}'. Available intervals: {Intervals}."),
            await client.RefusalAsync("Subscribe", "BTCUSDT", interval));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_real_interval_this_dashboard_does_not_offer_says_so()
    {
        await using var client = await hub.ConnectAsync();
        Assert.Equal(
            HubErrors.Refused("Subscribe", $"Interval '1s' is not offered here. Available intervals: {Intervals}."),
            await client.RefusalAsync("Subscribe", "BTCUSDT", "1s"));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Beyond_the_configured_cap_is_refused_while_resubscribing_and_a_freed_slot_work()
    {
        const int cap = RefusalHubAppFixture.Cap;
        var series = new[] { "15s", "30s", "1m", "5m", "15m" }.Select(i => ("BTCUSDT", i)).ToArray();
        Assert.True(series.Length > cap, "enough series to reach the cap");
        await using var client = await hub.ConnectAsync();

        foreach (var (symbol, interval) in series[..cap])
        {
            await client.SubscribeAsync(symbol, interval);
        }

        // Following a series again takes no extra slot.
        await client.SubscribeAsync(series[0].Item1, series[0].Item2);
        Assert.Equal(
            HubErrors.Refused("Subscribe", $"Subscription limit reached: at most {cap} series per connection. Unsubscribe from one first."),
            await client.RefusalAsync("Subscribe", series[cap].Item1, series[cap].Item2));
        Assert.Equal(cap, hub.App.Registry.CountFor(client.ConnectionId));
        Assert.Equal(HubConnectionState.Connected, client.State);

        // The cap is per connection: another one may still follow the refused series.
        await using (var other = await hub.ConnectAsync())
        {
            await other.SubscribeAsync(series[cap].Item1, series[cap].Item2);
            Assert.Equal(1, hub.App.Registry.CountFor(other.ConnectionId));
        }

        await client.UnsubscribeAsync(series[0].Item1, series[0].Item2);
        await client.SubscribeAsync(series[cap].Item1, series[cap].Item2);
        Assert.Equal(cap, hub.App.Registry.CountFor(client.ConnectionId));
    }

    [Fact]
    public async Task The_cap_counts_series_of_every_exchange_together_and_an_unknown_exchange_is_a_counted_refusal()
    {
        const int cap = RefusalHubAppFixture.Cap;
        using var refused = new RefusedCalls(hub.App.Services.GetRequiredService<IMeterFactory>(), "SubscribeExchange");
        await using var client = await hub.ConnectAsync();
        foreach (var interval in new[] { "15s", "30s" })
        {
            await client.SubscribeAsync("BTCUSDT", interval);
            await client.SubscribeAsync("kraken", "BTCUSD", interval);
        }

        Assert.Equal(
            HubErrors.Refused("SubscribeExchange", $"Subscription limit reached: at most {cap} series per connection. Unsubscribe from one first."),
            await client.RefusalAsync("SubscribeExchange", "kraken", "ETHUSD", "1m"));
        Assert.Equal(1, refused.Count);
        Assert.Equal(
            HubErrors.Refused("SubscribeExchange", "Unknown exchange 'bitstamp'. Offered: binance, kraken."),
            await client.RefusalAsync("SubscribeExchange", "bitstamp", "BTCUSD", "1m"));
        Assert.Equal(2, refused.Count);
        Assert.Equal(cap, hub.App.Registry.CountFor(client.ConnectionId));

        // A slot freed on Binance is taken on Kraken.
        await client.UnsubscribeAsync("BTCUSDT", "15s");
        await client.SubscribeAsync("kraken", "ETHUSD", "1m");
        Assert.Equal(cap, hub.App.Registry.CountFor(client.ConnectionId));
    }

    [Theory]
    [MemberData(nameof(HostileSymbolCases))]
    public async Task A_hostile_symbol_is_refused_by_both_methods_and_the_connection_serves_on(string name)
    {
        var (symbol, message) = HostileSymbols[name];
        await using var client = await hub.ConnectAsync();

        foreach (var method in new[] { "Subscribe", "Unsubscribe" })
        {
            Assert.Equal(HubErrors.Refused(method, message), await client.RefusalAsync(method, symbol, "1m"));
            Assert.Equal(HubConnectionState.Connected, client.State);
        }

        await AssertStillServesAsync(client);
    }

    [Theory]
    [MemberData(nameof(HostileIntervalCases))]
    public async Task A_hostile_interval_is_refused_and_the_connection_serves_on(string name)
    {
        var (interval, message) = HostileIntervals[name];
        await using var client = await hub.ConnectAsync();

        Assert.Equal(HubErrors.Refused("Subscribe", message), await client.RefusalAsync("Subscribe", "BTCUSDT", interval));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [MemberData(nameof(UnbindableCases))]
    public async Task Arguments_of_the_wrong_type_or_count_are_refused_by_SignalR_itself(string name)
    {
        await using var client = await hub.ConnectAsync();

        Assert.Equal(HubErrors.NotBound("Subscribe"), await client.RefusalAsync("Subscribe", Unbindable[name]));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task After_every_kind_of_refusal_one_connection_still_receives_candles()
    {
        await using var client = await hub.ConnectAsync();
        var candles = client.RecordCandles();

        foreach (var (symbol, _) in HostileSymbols.Values)
        {
            await client.RefusalAsync("Subscribe", symbol, "1m");
        }

        foreach (var (interval, _) in HostileIntervals.Values)
        {
            await client.RefusalAsync("Subscribe", "BTCUSDT", interval);
        }

        foreach (var args in Unbindable.Values)
        {
            await client.RefusalAsync("Subscribe", args);
        }

        Assert.Equal(HubConnectionState.Connected, client.State);
        await client.SubscribeAsync("BTCUSDT", "15s");
        var first = (await candles.UntilCountAsync(1, TimeSpan.FromSeconds(10), "a candle after the refusals")).First().Message;
        Assert.Equal(("BTCUSDT", "15s"), (first.Symbol, first.Interval));
    }

    /// <summary>The refusals recorded nothing, and a valid call on the same connection still works.</summary>
    private async Task AssertStillServesAsync(HubClient client)
    {
        Assert.Equal(HubConnectionState.Connected, client.State);
        Assert.Equal(0, hub.App.Registry.CountFor(client.ConnectionId));
        await client.SubscribeAsync("BTCUSDT", "15s");
        Assert.Equal(1, hub.App.Registry.CountFor(client.ConnectionId));
    }
}
