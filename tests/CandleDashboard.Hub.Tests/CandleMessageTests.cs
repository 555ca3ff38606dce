using CandleDashboard.Contracts;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Hubs;

namespace CandleDashboard.Hub.Tests;

public sealed class CandleMessageTests
{
    [Fact]
    public void Candle_messages_carry_the_api_candle_with_exact_decimals_as_strings()
    {
        var candle = new Candle(1_700_000_010_000, 64123.45m, 64200.10m, 64000m, 64150.00012345m, 0.00012m, 7.6954080m, 12, true, CandleSource.Official);
        var message = CandleMessage.From("kraken", new CandleUpdate("BTCUSDT", Interval.FifteenSeconds, candle), 42);

        Assert.Equal(
            new CandleMessage("kraken", "BTCUSDT", "15s", new CandleJson(1_700_000_010_000, "64123.45", "64200.10", "64000", "64150.00012345", "0.00012", "7.6954080", 12, true, "official"), 42),
            message);
        Assert.Equal(CandleJson.From(candle), message.Candle); // the same contract as GET /api/candles
    }
}
