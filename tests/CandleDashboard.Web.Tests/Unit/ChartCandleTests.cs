using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ChartCandleTests
{
    [Fact]
    public void Only_a_closed_official_kline_is_drawn_as_official()
    {
        Assert.True(ChartCandle.From(TestCandles.Official(0)).Official);
        Assert.False(ChartCandle.From(TestCandles.At(0, closed: true)).Official);                              // live-built
        Assert.False(ChartCandle.From(TestCandles.At(0) with { Source = CandleSource.Official }).Official);   // exchange's forming kline
    }

    [Fact]
    public void A_candle_built_from_the_exchange_trade_history_is_official_on_the_chart_and_on_the_wire()
    {
        var fromTrades = TestCandles.Official(0) with { Source = CandleSource.OfficialFromTrades };

        Assert.True(ChartCandle.From(fromTrades).Official);
        Assert.False(ChartCandle.From(fromTrades with { IsClosed = false }).Official); // still forming: not final
        Assert.Equal("official", CandleDashboard.Contracts.CandleJson.From(fromTrades).Source);
    }

    [Fact]
    public void Carries_the_candle_values()
    {
        var candle = ChartCandle.From(TestCandles.Official(60_000, close: 105m));

        Assert.Equal(new ChartCandle(60_000, 100m, 105m, 100m, 105m, 1m, true, true), candle);
    }
}
