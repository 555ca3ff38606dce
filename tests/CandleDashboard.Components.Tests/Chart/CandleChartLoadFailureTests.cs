using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// A history load that fails shows the trader what happened in words they can act on, and a retry
/// that loads again; it leaves no subscription of the failed attempt behind.
/// </summary>
public sealed class CandleChartLoadFailureTests : CandleChartTest
{
    [Fact]
    public void An_unreachable_exchange_shows_the_failure_with_a_retry_that_loads_again()
    {
        History.Failures.Enqueue(new ExchangeUnavailableException("test", "connection refused"));

        var cut = RenderChart();

        cut.WaitForAssertion(() => Assert.Equal("failed", StateOf(cut)));
        Assert.Equal("The exchange could not be reached. Check the connection and try again.", cut.Find("[data-testid=chart-error] .mud-alert-message").TextContent.Trim());
        Assert.DoesNotContain("connection refused", cut.Markup); // operator detail stays in the log
        Assert.Empty(Sent("react"));
        Assert.Equal(0, Live.SubscriptionCount);

        cut.Find("[data-testid=chart-retry]").Click();

        cut.WaitForAssertion(() => Assert.Equal("ready", StateOf(cut)));
        Assert.Equal(2, History.Loads);
        Assert.Single(Sent("newPlot"));
        Assert.Empty(cut.FindAll("[data-testid=chart-error]"));
        Assert.Equal(1, Live.SubscriptionCount); // only the successful load's
    }

    [Fact]
    public void An_unknown_symbol_is_explained_without_a_retry()
    {
        // Retrying cannot make the exchange list a symbol.
        History.Failures.Enqueue(new UnknownSymbolException("test", Symbol, "Invalid symbol."));

        var cut = RenderChart();

        cut.WaitForAssertion(() => Assert.Equal("failed", StateOf(cut)));
        Assert.Contains($"Unknown symbol \"{Symbol}\"", cut.Find("[data-testid=chart-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=chart-retry]"));
    }
}
