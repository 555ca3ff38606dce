using CandleDashboard.Components.Tests.Infrastructure;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Components.Tests.Chart;

/// <summary>
/// data_updated: when the fetcher commits official klines of the charted series, the chart reads
/// them and replaces its live-built candles in one call; commits of any other series (another
/// symbol, interval or exchange on a shared bus) must cost nothing.
/// </summary>
public sealed class CandleChartOfficialUpdateTests : CandleChartTest
{
    private static readonly long FirstLive = FormingOpenTime - 2 * Interval.Milliseconds;
    private static readonly long SecondLive = FormingOpenTime - Interval.Milliseconds;

    public CandleChartOfficialUpdateTests()
    {
        // The exchange's own values for the two live-built minutes differ from what trades built.
        History.Official = [TestCandles.Official(FirstLive, 110m), TestCandles.Official(SecondLive, 111m)];
    }

    [Fact]
    public async Task A_commit_of_the_series_replaces_the_live_built_candles_in_one_call()
    {
        var cut = RenderReadyChart();

        await Bus.PublishAsync(new DataUpdated("test", Symbol, "1m", FirstLive, SecondLive, 2), CancellationToken.None);

        WaitForCalls(() => Assert.Single(Calls(Hot, "replaceCandles")));
        var call = Calls(Hot, "replaceCandles")[0];
        Assert.Equal(cut.Instance.PlotId, call.Arguments[0]);
        var candles = Assert.IsAssignableFrom<IEnumerable<ChartCandle>>(call.Arguments[1]).ToArray();
        Assert.Equal([FirstLive, SecondLive], candles.Select(c => c.T));
        Assert.Equal([110m, 111m], candles.Select(c => c.C));
        Assert.All(candles, c => Assert.True(c.Official));

        Assert.Equal([(Symbol, Interval, FirstLive, SecondLive)], History.RangeReads);
        Assert.Empty(Sent("react")); // replaced in place, not redrawn
        Assert.Empty(Log.Entries);
    }

    [Theory]
    [InlineData("test", "ETHUSDT", "1m")]    // another symbol
    [InlineData("test", "BTCUSDT", "5m")]    // another interval
    [InlineData("binance", "BTCUSDT", "1m")] // the same series on another exchange sharing the bus
    public async Task A_commit_of_another_series_reads_and_replaces_nothing(string exchange, string symbol, string interval)
    {
        var cut = RenderReadyChart();

        // Handlers run in subscription order: once this later one has the message, the chart has seen it.
        var delivered = new TaskCompletionSource<DataUpdated>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var probe = Bus.Subscribe(m => delivered.TrySetResult(m));

        await Bus.PublishAsync(new DataUpdated(exchange, symbol, interval, FirstLive, SecondLive, 2), CancellationToken.None);
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(History.RangeReads);
        Assert.Empty(Calls(Hot, "replaceCandles"));
    }
}
