using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CandleDashboard.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>
/// Both exchanges at once (issue 11): the zero-config app serves Binance and Kraken through the simulator,
/// and a trader switches between them for the same coin.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class VenueSwitchingTests(DashboardServer server, BrowserFixture browser) : IAsyncLifetime
{
    // Kraken allows about one REST call a second: right after the app starts, a Kraken chart's history can
    // queue behind the venue's buffers and fetcher for tens of seconds.
    private const float KrakenPatience = 60_000;

    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(server.BaseAddress);

    public Task DisposeAsync() => BrowserFixture.CloseAsync(_page);

    [Fact]
    public async Task Switching_exchange_keeps_the_interval_and_draws_the_other_venue_s_candles()
    {
        await _page.GotoAsync("/chart/BTCUSDT/5m");
        var binance = await ChartProbe.WaitReadyAsync(_page);
        Assert.Equal("BTCUSDT", binance.Name);
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-exchange", "binance");
        // The symbol picker lists each exchange's symbols in a group of its own.
        Assert.Equal(["BTCUSD", "ETHUSD"], await _page.GetByTestId("exchange-group-kraken").Locator("option").AllTextContentsAsync());
        await _page.EvaluateAsync("() => window.__sameDocument = 7");

        // Kraken quotes bitcoin in USD: the same coin is BTCUSD there.
        await Toolbar.ChooseSymbolAsync(_page, "kraken:BTCUSD");
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/kraken/BTCUSD/5m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'BTCUSD' && p.customdata.length >= 100", null, KrakenPatience);
        var kraken = (await ChartProbe.ReadAsync(_page))!;
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-exchange", "kraken");
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-value", "BTCUSD");
        await Expect(Toolbar.Picker(_page, "interval")).ToHaveAttributeAsync("data-value", "5m");
        await Expect(_page).ToHaveTitleAsync(new Regex("BTCUSD · 5m · Kraken"));
        Assert.Equal(7, await _page.EvaluateAsync<int>("() => window.__sameDocument"));

        // Consecutive 5-minute buckets, and the venue's own candles: an older drawn candle (closed and official
        // for minutes) is the one the API serves for ?exchange=kraken.
        Assert.Equal(0, (kraken.LastTime - kraken.FirstTime) % 300_000);
        var drawn = await _page.Locator(ChartProbe.Plot).EvaluateAsync<JsonElement>(
            "el => { const s = el._candleSeries, p = el.data[0], t = s ? s.t : p.customdata, c = s ? s.c : p.close; return { t: t[t.length - 3], c: c[c.length - 3] }; }");
        var openTime = drawn.GetProperty("t").GetInt64();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var api = await http.GetFromJsonAsync<JsonElement>($"api/candles/BTCUSD/5m?exchange=kraken&before={openTime + 1}&count=1");
        var served = api.GetProperty("candles")[0];
        Assert.Equal(openTime, served.GetProperty("openTime").GetInt64());
        Assert.Equal(drawn.GetProperty("c").GetDouble(), double.Parse(served.GetProperty("close").GetString()!, CultureInfo.InvariantCulture));

        // The feed badge is the venue's own feed.
        await Expect(_page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 20_000 });

        // And back to Binance's BTCUSDT, on the short route.
        await Toolbar.ChooseSymbolAsync(_page, "binance:BTCUSDT");
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/BTCUSDT/5m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'BTCUSDT' && p.customdata.length >= 100", null, 15_000);
        Assert.Equal(7, await _page.EvaluateAsync<int>("() => window.__sameDocument"));
    }

    [Fact]
    public async Task A_venue_s_symbols_are_its_own_and_an_unknown_exchange_offers_the_served_ones()
    {
        await _page.GotoAsync("/chart/kraken/ETHUSD/1m");
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'ETHUSD'", null, KrakenPatience);
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-value", "ETHUSD");
        await Expect(Toolbar.Picker(_page, "symbol")).ToHaveAttributeAsync("data-exchange", "kraken");

        // Binance's symbol on Kraken is an unknown symbol there, answered with Kraken's own list.
        await _page.GotoAsync("/chart/kraken/BTCUSDT/1m");
        await Expect(_page.GetByTestId("route-error-message")).ToContainTextAsync("Unknown symbol 'BTCUSDT'");
        await Expect(_page.GetByTestId("route-error-message")).ToContainTextAsync("BTCUSD, ETHUSD");

        await _page.GotoAsync("/chart/coinbase/BTCUSD/1m");
        await Expect(_page.GetByTestId("route-error-message")).ToHaveTextAsync("Unknown exchange 'coinbase'. Offered: binance, kraken.");
        await Expect(_page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await _page.Locator(".chip", new() { HasText = "Kraken" }).ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/chart/kraken/BTCUSD/1m(\\?tz=[^&]+)?$"));
        await ChartProbe.WaitForAsync(_page, "(p) => p.name === 'BTCUSD'", null, KrakenPatience);
    }
}
