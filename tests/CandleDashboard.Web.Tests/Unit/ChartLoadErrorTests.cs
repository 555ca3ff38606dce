using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ChartLoadErrorTests
{
    [Fact]
    public void Symbol_refused_by_the_exchange_reads_as_unknown_symbol()
    {
        var d = ChartLoadError.Describe(new UnknownSymbolException("binance", "XYZUSDT", "Invalid symbol."), "XYZUSDT");
        Assert.True(d.IsUnknownSymbol);
        Assert.Equal("Unknown symbol \"XYZUSDT\": the exchange does not list it.", d.Message);
    }

    [Fact]
    public void Rate_limit_says_when_to_retry()
    {
        var d = ChartLoadError.Describe(new ExchangeRateLimitException("binance", TimeSpan.FromSeconds(2.2), isBanned: false, "Too many requests"), "BTCUSDT");
        Assert.Contains("3 s", d.Message);
        Assert.False(d.IsUnknownSymbol);
    }

    [Fact]
    public void A_refusal_shows_the_exchange_s_own_words_and_is_logged_as_an_error()
    {
        var d = ChartLoadError.Describe(new ExchangeRejectedException("binance", 400, "-1120", "Invalid interval."), "BTCUSDT");
        Assert.Equal("The exchange refused the history request: Invalid interval.", d.Message);
        Assert.True(d.ShouldLogAsError);
    }

    [Fact]
    public void Outages_and_bugs_never_show_exception_text()
    {
        var outage = ChartLoadError.Describe(new ExchangeUnavailableException("binance", "binance REST could not be reached: Connection refused (127.0.0.1:1)"), "BTCUSDT");
        var network = ChartLoadError.Describe(new HttpRequestException("Connection refused (127.0.0.1:1)"), "BTCUSDT");
        var malformed = ChartLoadError.Describe(new ExchangeException("binance", "binance sent a klines answer that could not be read: row 3"), "BTCUSDT");
        var bug = ChartLoadError.Describe(new NullReferenceException("Object reference not set"), "BTCUSDT");

        Assert.Equal("The exchange could not be reached. Check the connection and try again.", outage.Message);
        Assert.Equal(outage.Message, network.Message);
        Assert.False(outage.ShouldLogAsError);
        Assert.Equal("The exchange sent history that could not be read. Try again in a moment.", malformed.Message);
        Assert.Equal("The chart could not be loaded. Please try again.", bug.Message);
        Assert.True(bug.ShouldLogAsError);
    }
}
