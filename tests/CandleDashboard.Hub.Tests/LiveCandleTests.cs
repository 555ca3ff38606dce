using System.Globalization;
using CandleDashboard.Contracts;

namespace CandleDashboard.Hub.Tests;

/// <summary>Live candles as a .NET client receives them: exact values, consistent and in order.</summary>
[Collection(LiveHubCollection.Name)]
public sealed class LiveCandleTests(HubAppFixture hub)
{
    private const long FifteenSeconds = 15_000;

    [Fact]
    public async Task Btc_15s_candles_arrive_with_exact_consistent_values_in_order()
    {
        await using var client = await hub.ConnectAsync();
        var candles = client.RecordCandles();

        await client.SubscribeAsync("BTCUSDT", "15s");
        var received = await candles.UntilCountAsync(10, TimeSpan.FromSeconds(15), "10 candles");

        CandleJson? previous = null;
        foreach (var (message, receivedAt) in received)
        {
            var c = message.Candle;
            Assert.Equal("BTCUSDT", message.Symbol);
            Assert.Equal("15s", message.Interval);
            Assert.Equal(0, c.OpenTime % FifteenSeconds);
            var (open, high, low, close) = (Exact(c.Open), Exact(c.High), Exact(c.Low), Exact(c.Close));
            Assert.True(high >= Math.Max(open, close) && low <= Math.Min(open, close) && low > 0, $"OHLC consistent: {c}");
            Assert.True(Exact(c.Volume) >= 0 && Exact(c.QuoteVolume) >= 0, $"volumes not negative: {c}");
            Assert.True(c.TradeCount >= 0, $"trade count not negative: {c}");
            Assert.Equal("live", c.Source);
            // sentAt is the server's clock at send time; server and client share this machine's clock.
            Assert.InRange(receivedAt - message.SentAt, -5_000, 5_000);

            if (previous is not null)
            {
                Assert.True(c.OpenTime >= previous.OpenTime, $"open times never go back: {previous.OpenTime} then {c.OpenTime}");
                if (c.OpenTime == previous.OpenTime)
                {
                    // The same bucket only grows: more trades and volume, a wider range, the same open.
                    Assert.Equal(previous.Open, c.Open);
                    Assert.True(c.TradeCount >= previous.TradeCount, $"trade count grows: {previous} then {c}");
                    Assert.True(Exact(c.Volume) >= Exact(previous.Volume), $"volume grows: {previous} then {c}");
                    Assert.True(Exact(c.High) >= Exact(previous.High) && Exact(c.Low) <= Exact(previous.Low), $"range widens: {previous} then {c}");
                    Assert.False(previous.Closed, $"nothing follows a closed candle in its bucket: {previous} then {c}");
                }
            }

            previous = c;
        }

        Assert.Contains(received, r => r.Message.Candle.TradeCount > 0);
    }

    /// <summary>
    /// A price or volume as sent: digits with an optional fraction, read as a decimal that writes
    /// back as the same text, so no digit was lost or added on the way (a double would not hold it).
    /// </summary>
    private static decimal Exact(string text)
    {
        Assert.Matches(@"^\d+(\.\d+)?$", text);
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        Assert.Equal(text, WireFormat.Decimal(value));
        return value;
    }
}
