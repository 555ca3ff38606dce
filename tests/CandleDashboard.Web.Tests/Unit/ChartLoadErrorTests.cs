using System.Net;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Web.Charting;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ChartLoadErrorTests
{
    [Fact]
    public void Symbol_refused_by_the_exchange_reads_as_unknown_symbol()
    {
        var d = ChartLoadError.Describe(new BinanceUnknownSymbolException("XYZUSDT", HttpStatusCode.BadRequest, "Invalid symbol."), "XYZUSDT");
        Assert.True(d.IsUnknownSymbol);
        Assert.Equal("Unknown symbol \"XYZUSDT\": the exchange does not list it.", d.Message);
    }

    [Fact]
    public void Rate_limit_says_when_to_retry()
    {
        var d = ChartLoadError.Describe(new BinanceRateLimitException(HttpStatusCode.TooManyRequests, -1003, "Too many requests", TimeSpan.FromSeconds(2.2)), "BTCUSDT");
        Assert.Contains("3 s", d.Message);
        Assert.False(d.IsUnknownSymbol);
    }

    [Fact]
    public void Network_failures_and_bugs_never_show_exception_text()
    {
        var network = ChartLoadError.Describe(new HttpRequestException("Connection refused (127.0.0.1:1)"), "BTCUSDT");
        var bug = ChartLoadError.Describe(new NullReferenceException("Object reference not set"), "BTCUSDT");

        Assert.Equal("The exchange could not be reached. Check the connection and try again.", network.Message);
        Assert.False(network.ShouldLogAsError);
        Assert.Equal("The chart could not be loaded. Please try again.", bug.Message);
        Assert.True(bug.ShouldLogAsError);
    }
}
