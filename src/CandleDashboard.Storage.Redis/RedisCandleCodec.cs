using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// The compact text form of a candle, used as the sorted-set member and as the live candle value:
/// <c>openTime,open,high,low,close,volume,quoteVolume,tradeCount,isClosed(0|1),source(0=live|1=official|2=official from trades)</c>.
/// It starts with the open time so that, together with the upsert script's remove-by-score, a
/// series holds exactly one member per open time. Decimals are written with the invariant
/// culture's round-trip form (scale kept, no exponent), so they read back exactly.
/// </summary>
public static class RedisCandleCodec
{
    private const int FieldCount = 10;
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static string Encode(Candle c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.OpenTime},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume},{c.QuoteVolume},{c.TradeCount},{(c.IsClosed ? 1 : 0)},{(int)c.Source}");

    /// <exception cref="FormatException">The text is not a candle in this encoding.</exception>
    public static Candle Decode(ReadOnlySpan<char> text)
    {
        // One spare slot: a member with too many fields is malformed, not silently truncated.
        Span<Range> f = stackalloc Range[FieldCount + 1];
        if (text.Split(f, ',') != FieldCount)
        {
            throw new FormatException($"Not a stored candle: '{Shorten(text)}'.");
        }

        var inv = CultureInfo.InvariantCulture;
        try
        {
            return Parse(text, f, inv);
        }
        catch (OverflowException)
        {
            throw new FormatException($"Not a stored candle (number out of range): '{Shorten(text)}'.");
        }
    }

    private static Candle Parse(ReadOnlySpan<char> text, ReadOnlySpan<Range> f, CultureInfo inv) =>
        new(
            long.Parse(text[f[0]], NumberStyles.AllowLeadingSign, inv),
            decimal.Parse(text[f[1]], DecimalStyle, inv),
            decimal.Parse(text[f[2]], DecimalStyle, inv),
            decimal.Parse(text[f[3]], DecimalStyle, inv),
            decimal.Parse(text[f[4]], DecimalStyle, inv),
            decimal.Parse(text[f[5]], DecimalStyle, inv),
            decimal.Parse(text[f[6]], DecimalStyle, inv),
            long.Parse(text[f[7]], NumberStyles.AllowLeadingSign, inv),
            ParseFlag(text[f[8]], text),
            ParseSource(text[f[9]], text));

    private static bool ParseFlag(ReadOnlySpan<char> field, ReadOnlySpan<char> text) => field switch
    {
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"Not a stored candle (isClosed): '{Shorten(text)}'."),
    };

    private static CandleSource ParseSource(ReadOnlySpan<char> field, ReadOnlySpan<char> text) => field switch
    {
        "0" => CandleSource.Live,
        "1" => CandleSource.Official,
        "2" => CandleSource.OfficialFromTrades,
        _ => throw new FormatException($"Not a stored candle (source): '{Shorten(text)}'."),
    };

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 120 ? text.ToString() : text[..120].ToString() + "…";
}
