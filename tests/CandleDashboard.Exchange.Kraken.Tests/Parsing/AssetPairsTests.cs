using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Kraken.Tests.Parsing;

public sealed class AssetPairsTests
{
    [Fact]
    public void Every_name_of_a_pair_comes_from_its_one_AssetPairs_entry()
    {
        var map = KrakenSamples.PairMap();

        Assert.True(map.TryGetBySymbol("BTCUSD", out var btcUsd));
        Assert.Equal(
            new KrakenPair("BTCUSD", "BTC/USD", "XBTUSD", "XXBTZUSD", "BTC", "USD", SymbolStatus.Trading, "online", 0.1m, 0.00000001m),
            btcUsd);
        Assert.True(map.TryGetBySymbol("btcusdt", out var btcUsdt));
        Assert.Equal(
            new KrakenPair("BTCUSDT", "BTC/USDT", "XBTUSDT", "XBTUSDT", "BTC", "USDT", SymbolStatus.Trading, "online", 0.1m, 0.00000001m),
            btcUsdt);
        Assert.True(map.TryGetBySymbol("ETHUSD", out var ethUsd));
        Assert.Equal(("ETH/USD", "ETHUSD", "XETHZUSD", 0.01m), (ethUsd.WebSocketName, ethUsd.RestName, ethUsd.ResultKey, ethUsd.TickSize));

        // Each name leads back to the same pair.
        Assert.True(map.TryGetByWebSocketName("BTC/USD", out var byWs));
        Assert.True(map.TryGetByRestName("XBTUSD", out var byRest));
        Assert.True(map.TryGetByRestName("XXBTZUSD", out var byKey));
        Assert.Same(btcUsd, byWs);
        Assert.Same(btcUsd, byRest);
        Assert.Same(btcUsd, byKey);

        // v1's XBT is not a v2 name, and not a product symbol.
        Assert.False(map.TryGetByWebSocketName("XBT/USD", out _));
        Assert.False(map.TryGetBySymbol("XBTUSD", out _));
    }

    [Fact]
    public void Dogecoin_is_normalised_its_status_mapped_and_tick_size_taken_from_pair_decimals()
    {
        var map = KrakenSamples.PairMap();

        Assert.True(map.TryGetBySymbol("DOGEUSD", out var doge));
        Assert.Equal(("DOGE/USD", "XDGUSD", "cancel_only", SymbolStatus.Halted), (doge.WebSocketName, doge.RestName, doge.KrakenStatus, doge.Status));
        Assert.Equal(0.0000001m, doge.TickSize); // no tick_size in the entry: 10^-pair_decimals (7)
        Assert.Equal(7, doge.ToSymbolInfo().PriceDecimals);
        Assert.Equal(8, doge.ToSymbolInfo().QuantityDecimals);
    }

    [Fact]
    public void Dark_pool_pairs_without_a_wsname_are_left_out()
    {
        var map = KrakenSamples.PairMap();

        Assert.Equal(["BTCUSD", "BTCUSDT", "ETHUSD", "DOGEUSD"], map.Pairs.Select(p => p.Symbol));
        Assert.False(map.TryGetByRestName("XBTUSD.d", out _));
    }

    [Theory]
    [InlineData("online", SymbolStatus.Trading)]
    [InlineData("limit_only", SymbolStatus.Trading)]
    [InlineData("reduce_only", SymbolStatus.Trading)]
    [InlineData("cancel_only", SymbolStatus.Halted)]
    [InlineData("post_only", SymbolStatus.Halted)]
    [InlineData("maintenance", SymbolStatus.Halted)]
    [InlineData("delisted", SymbolStatus.Closed)]
    [InlineData("work_in_progress", SymbolStatus.Closed)]
    public void Kraken_statuses_map_to_the_core_ones(string kraken, SymbolStatus expected) =>
        Assert.Equal(expected, KrakenAssetPairsParser.StatusOf(kraken));

    [Theory]
    [InlineData("XBT", "BTC")]
    [InlineData("XDG", "DOGE")]
    [InlineData("USDT", "USDT")]
    [InlineData("ETH", "ETH")]
    [InlineData("usd", "USD")]
    public void Asset_aliases(string kraken, string common) => Assert.Equal(common, KrakenAssetNames.Normalize(kraken));

    [Theory]
    [InlineData("XBT/USDT", true, "BTC", "USDT")]
    [InlineData("XDG/EUR", true, "DOGE", "EUR")]
    [InlineData("XBTUSDT", false, "", "")]
    [InlineData("/USD", false, "", "")]
    [InlineData("A/B/C", false, "", "")]
    [InlineData(null, false, "", "")]
    public void Websocket_names_split_into_normalised_halves(string? wsname, bool ok, string baseAsset, string quoteAsset)
    {
        Assert.Equal(ok, KrakenAssetNames.TrySplitWebSocketName(wsname, out var b, out var q));
        Assert.Equal((baseAsset, quoteAsset), (b, q));
    }
}
