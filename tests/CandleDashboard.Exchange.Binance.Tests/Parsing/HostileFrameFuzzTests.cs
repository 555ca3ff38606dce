using System.Text;
using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Binance.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace CandleDashboard.Exchange.Binance.Tests.Parsing;

/// <summary>
/// Mutation fuzzing of real recorded frames (FsCheck generates the mutations, and shrinks any failure to
/// the smallest frame that shows it): flipped bytes, cut-off frames, spliced frames, numbers swapped for
/// hostile ones. The parser must never throw, and whatever it accepts as a trade must be a sane trade.
/// </summary>
public sealed class HostileFrameFuzzTests
{
    private static readonly RecordedCapture Capture = RecordedCapture.Load("BINANCE.ws.1.0");

    private static readonly string[] HostileValues =
    [
        "\"-1\"", "\"0\"", "\"1e400\"", "\"NaN\"", "\"79228162514264337593543950336\"", "null", "[]", "{}", "\"\"",
        "9223372036854775808", "-9223372036854775809", "1.5", "\"\\u0000\"", "true", "\"0.00000000\"",
    ];

    [Fact]
    public void Ten_thousand_mutated_recorded_frames_never_throw_and_never_yield_an_insane_trade()
    {
        var table = new SymbolTable(Capture.Symbols);
        var parser = new BinanceMessageParser(table);
        var frames = Capture.Messages.Select(Encoding.UTF8.GetBytes).ToArray();
        var counts = new Dictionary<BinanceFrameKind, int>();

        var property = Prop.ForAll(Mutations(frames).ToArbitrary(), frame =>
        {
            var parsed = parser.Parse(frame);
            lock (counts)
            {
                counts[parsed.Kind] = counts.GetValueOrDefault(parsed.Kind) + 1;
            }

            return parsed.Kind != BinanceFrameKind.Trade
                || (parsed.Trade.Price > 0 && parsed.Trade.Quantity > 0 && table.Symbols.Contains(parsed.Trade.Symbol) && parsed.Trade.TradeId >= 0);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10_000), property);

        // The mutations really were hostile: most frames were refused, some still parse.
        Assert.Equal(10_000, counts.Values.Sum());
        Assert.True(counts.GetValueOrDefault(BinanceFrameKind.Malformed) > 1_000, string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault(BinanceFrameKind.Trade) > 100, string.Join(", ", counts));
    }

    private static Gen<byte[]> Mutations(byte[][] frames)
    {
        // Mutations start from trade frames (most of the recording is other streams, which are skipped whole).
        var original = Gen.Elements(frames.Where(f => Encoding.UTF8.GetString(f).Contains("aggTrade", StringComparison.Ordinal)).ToArray());
        var any = Gen.Elements(frames);
        var flipped = from f in original
                      from at in Gen.Choose(0, 10_000)
                      from value in Gen.Choose(0, 255)
                      select Replace(f, at % f.Length, (byte)value);
        var truncated = from f in original
                        from length in Gen.Choose(0, 10_000)
                        select f[..(length % (f.Length + 1))];
        var spliced = from a in original
                      from b in any
                      from cut in Gen.Choose(0, 10_000)
                      select (byte[])[.. a[..(cut % a.Length)], .. b[(cut % b.Length)..]];
        var hostileValue = from f in original
                           from field in Gen.Elements("\"p\":", "\"q\":", "\"a\":", "\"T\":", "\"s\":", "\"e\":", "\"data\":")
                           from value in Gen.Elements(HostileValues)
                           select SwapValue(f, field, value);
        return Gen.OneOf(flipped, truncated, spliced, hostileValue, original);
    }

    private static byte[] Replace(byte[] frame, int at, byte value)
    {
        var copy = (byte[])frame.Clone();
        copy[at] = value;
        return copy;
    }

    /// <summary>Replaces the value after <paramref name="field"/> (up to the next comma or brace) with <paramref name="value"/>.</summary>
    private static byte[] SwapValue(byte[] frame, string field, string value)
    {
        var text = Encoding.UTF8.GetString(frame);
        var start = text.IndexOf(field, StringComparison.Ordinal);
        if (start < 0)
        {
            return frame;
        }

        start += field.Length;
        var end = text.IndexOfAny([',', '}'], start);
        return Encoding.UTF8.GetBytes(text[..start] + value + (end < 0 ? "" : text[end..]));
    }
}
