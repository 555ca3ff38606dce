using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

/// <summary>Switching exchange keeps the coin, though the venues quote it differently.</summary>
public sealed class SameCoinTests
{
    private static readonly string[] Kraken = ["BTCUSD", "ETHUSD", "SOLEUR"];

    [Theory]
    [InlineData("BTCUSDT", "BTCUSD")]
    [InlineData("ETHUSDT", "ETHUSD")]
    [InlineData("SOLUSDT", "SOLEUR")]
    [InlineData("ETHUSD", "ETHUSD")]
    public void The_same_base_asset_is_found_across_quote_currencies(string symbol, string expected) =>
        Assert.Equal(expected, SameCoin.Find(symbol, Kraken));

    [Fact]
    public void The_longest_shared_prefix_wins_and_ties_go_to_the_first_offered()
    {
        Assert.Equal("BTCUSDT", SameCoin.Find("BTCUSD", ["BTCEUR", "BTCUSDT", "BTCUSDC"]));
        Assert.Equal("BTCEUR", SameCoin.Find("BTCGBP", ["BTCEUR", "BTCUSDT"]));
    }

    [Theory]
    [InlineData("BNBUSDT")]
    [InlineData("SUSHIUSD")]
    public void Fewer_than_three_shared_letters_is_not_the_same_coin(string symbol) =>
        Assert.Null(SameCoin.Find(symbol, Kraken));
}
