using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

/// <summary>
/// The builder is exchange-agnostic: 1m candles rebuilt from Kraken's recorded XBT/USDT trades
/// must equal Kraken's own OHLC for every minute the trades fully cover (see ../shared/data/README.md).
/// </summary>
public class KrakenRealDataTests
{
    private static readonly long FirstFullMinute = KrakenRecording.FirstFullMinute;
    private static readonly long LastFullMinute = KrakenRecording.LastFullMinute;

    [Fact]
    public void Rebuilt_one_minute_candles_equal_the_official_ohlc_for_every_fully_covered_minute()
    {
        var official = LoadOfficial();
        var rebuilt = Rebuild(LoadTrades());

        var compared = 0;
        var withTrades = 0;
        for (var minute = FirstFullMinute; minute <= LastFullMinute; minute += 60_000)
        {
            var expected = official[minute];
            Assert.True(rebuilt.TryGetValue(minute, out var actual), $"no rebuilt candle at {minute}");
            Assert.Equal(expected.TradeCount, actual.TradeCount);
            Assert.Equal(expected.Volume, actual.Volume);
            Assert.Equal(expected.Open, actual.Open);
            Assert.Equal(expected.High, actual.High);
            Assert.Equal(expected.Low, actual.Low);
            Assert.Equal(expected.Close, actual.Close);
            compared++;
            withTrades += actual.TradeCount > 0 ? 1 : 0;
        }

        Assert.Equal(409, compared);
        Assert.Equal(272, withTrades);
    }

    [Fact]
    public void The_partially_covered_first_minute_differs_as_the_data_notes_say()
    {
        var official = LoadOfficial();
        var rebuilt = Rebuild(LoadTrades());
        var edge = FirstFullMinute - 60_000;

        Assert.Equal(2, official[edge].TradeCount);
        Assert.Equal(1, rebuilt[edge].TradeCount);
        Assert.Equal(105433.6m, rebuilt[edge].Open);
    }

    private static Dictionary<long, Candle> Rebuild(IEnumerable<Trade> trades) => KrakenRecording.Rebuild(trades);

    private static List<Trade> LoadTrades() => KrakenRecording.LoadTrades();

    private static Dictionary<long, Candle> LoadOfficial() => KrakenRecording.LoadOfficial();
}
