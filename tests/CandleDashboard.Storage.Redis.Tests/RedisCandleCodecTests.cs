using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Redis.Tests;

public sealed class RedisCandleCodecTests
{
    [Fact]
    public void Encodes_compactly_with_the_open_time_first_and_round_trips_exactly()
    {
        var candle = new Candle(1_700_000_040_000, 0.00000001m, 100.10m, -0.5m, 79_228_162_514_264_337_593_543_950_335m, 0m, 1.000m, 42, false, CandleSource.Live);

        var text = RedisCandleCodec.Encode(candle);

        Assert.Equal("1700000040000,0.00000001,100.10,-0.5,79228162514264337593543950335,0,1.000,42,0,0", text);
        var back = RedisCandleCodec.Decode(text);
        Assert.Equal(candle, back);
        Assert.Equal("1.000", back.QuoteVolume.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(CandleSource.Live, "0")]
    [InlineData(CandleSource.Official, "1")]
    [InlineData(CandleSource.OfficialFromTrades, "2")]
    public void Every_source_round_trips_as_its_number(CandleSource source, string stored)
    {
        var candle = new Candle(1_700_000_040_000, 1m, 2m, 0.5m, 1.5m, 3m, 4.5m, 7, true, source);

        var text = RedisCandleCodec.Encode(candle);

        Assert.EndsWith("," + stored, text);
        Assert.Equal(candle, RedisCandleCodec.Decode(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1700000040000,1,1,1,1,1,1,1,1")]            // a field short
    [InlineData("1700000040000,1,1,1,1,1,1,1,1,1,1")]        // a field too many
    [InlineData("1700000040000,1e3,1,1,1,1,1,1,1,1")]        // exponent: never written, never read
    [InlineData("1700000040000,1,1,1,1,1,1,1,2,1")]          // isClosed not 0/1
    [InlineData("{\"t\":1700000040000,\"o\":\"1\"}")]        // the seeds' JSON
    [InlineData("1700000040000,1,1,1,1,1,1,1,1,")]          // empty last field
    [InlineData("1700000040000,1,1,1,1,1,1,1,1,3")]          // a source no build writes
    [InlineData("1700000040000,99999999999999999999999999999999,1,1,1,1,1,1,1,1")] // beyond decimal
    public void Rejects_anything_else(string text)
    {
        Assert.Throws<FormatException>(() => RedisCandleCodec.Decode(text));
    }
}
