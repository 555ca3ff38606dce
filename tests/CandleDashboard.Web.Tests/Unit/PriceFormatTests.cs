using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class PriceFormatTests
{
    [Theory]
    [InlineData("43210.123", "43,210.12")]
    [InlineData("2.5", "2.5000")]
    [InlineData("0.0123", "0.012300")]
    [InlineData("0.00001234", "0.00001234")]
    public void Precision_follows_the_price(string price, string expected) =>
        Assert.Equal(expected, PriceFormat.Format(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(950, "950")]
    [InlineData(12_345, "12.35K")]
    [InlineData(4_560_000, "4.56M")]
    [InlineData(2_000_000_000, "2B")]
    public void Volume_is_compact(decimal volume, string expected) => Assert.Equal(expected, PriceFormat.Volume(volume));

    [Fact]
    public void Change_is_signed_percent()
    {
        Assert.Equal("+1.25 (+1.25%)", PriceFormat.Change(100m, 101.25m, 2));
        Assert.Equal("−2.0000 (−2.00%)", PriceFormat.Change(100m, 98m, 4));
        Assert.Equal("0.00 (0.00%)", PriceFormat.Change(50m, 50m, 2));
        Assert.Equal("+98.00", PriceFormat.Change(0m, 98m, 2)); // no percent of nothing
    }
}
