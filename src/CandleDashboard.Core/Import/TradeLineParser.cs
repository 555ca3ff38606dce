using System.Buffers.Text;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Import;

/// <summary>What <see cref="TradeLineParser.Parse"/> made of one line.</summary>
public enum LineKind
{
    /// <summary>A trade.</summary>
    Trade,

    /// <summary>Nothing to import: an empty line, or a header line (first line only).</summary>
    Skipped,

    /// <summary>Not a trade: the problem says why; the import counts it and goes on.</summary>
    Malformed,
}

/// <summary>
/// Parses one line of a published trade file from its UTF-8 bytes: pure, no allocation on a good line, no
/// doubles (prices, quantities and Kraken's fractional seconds are read digit by digit into exact decimals,
/// keeping the text's scale as <see cref="decimal.Parse(string)"/> does).
/// </summary>
public static class TradeLineParser
{
    // 16 digits and more: microseconds (Binance since 2025); 13 digits: milliseconds. 10^14 µs is 1973 and
    // 10^14 ms is year 5138, so the magnitude cannot be misread for any real trade.
    private const long MicrosecondThreshold = 100_000_000_000_000;

    /// <param name="line">One line without its line feed (a trailing carriage return is tolerated).</param>
    /// <param name="lineNumber">1-based line number in the file: the trade id of a Kraken line (which carries none), and header detection.</param>
    /// <param name="problem">For <see cref="LineKind.Malformed"/>: a short reason (constant text, no allocation).</param>
    public static LineKind Parse(TradeFileFormat format, ReadOnlySpan<byte> line, long lineNumber, string symbol, out Trade trade, out string? problem)
    {
        trade = default;
        problem = null;
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty || line.Trim((byte)' ').IsEmpty)
        {
            return LineKind.Skipped;
        }

        if (lineNumber == 1 && IsLetter(line[0]))
        {
            // "trade_id,price,..." or "timestamp,price,volume": a header, not a malformed trade.
            return LineKind.Skipped;
        }

        return format switch
        {
            TradeFileFormat.Binance => ParseBinance(line, symbol, out trade, out problem),
            TradeFileFormat.Kraken => ParseKraken(line, lineNumber, symbol, out trade, out problem),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown trade file format."),
        };
    }

    private static LineKind ParseBinance(ReadOnlySpan<byte> line, string symbol, out Trade trade, out string? problem)
    {
        trade = default;
        if (!NextField(ref line, out var idText) || !NextField(ref line, out var priceText) || !NextField(ref line, out var qtyText)
            || !NextField(ref line, out _) || !NextField(ref line, out var timeText))
        {
            problem = "expected trade_id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]";
            return LineKind.Malformed;
        }

        NextField(ref line, out var makerText);
        if (!TryParseLong(idText, out var id))
        {
            problem = "trade_id is not a whole number";
            return LineKind.Malformed;
        }

        if (!TryParseDecimal(priceText, out var price) || price <= 0m)
        {
            problem = "price is not a positive decimal";
            return LineKind.Malformed;
        }

        if (!TryParseDecimal(qtyText, out var quantity) || quantity <= 0m)
        {
            problem = "qty is not a positive decimal";
            return LineKind.Malformed;
        }

        if (!TryParseLong(timeText, out var time) || time <= 0)
        {
            problem = "time is not a positive whole number";
            return LineKind.Malformed;
        }

        if (time >= MicrosecondThreshold)
        {
            time /= 1000;
        }

        bool maker;
        if (makerText.IsEmpty)
        {
            maker = false;
        }
        else if (EqualsIgnoreCase(makerText, "true"u8) || makerText.SequenceEqual("1"u8))
        {
            maker = true;
        }
        else if (EqualsIgnoreCase(makerText, "false"u8) || makerText.SequenceEqual("0"u8))
        {
            maker = false;
        }
        else
        {
            problem = "is_buyer_maker is not True or False";
            return LineKind.Malformed;
        }

        trade = new Trade(symbol, id, price, quantity, time, maker);
        problem = null;
        return LineKind.Trade;
    }

    private static LineKind ParseKraken(ReadOnlySpan<byte> line, long lineNumber, string symbol, out Trade trade, out string? problem)
    {
        trade = default;
        if (!NextField(ref line, out var timeText) || !NextField(ref line, out var priceText) || !NextField(ref line, out var volumeText))
        {
            problem = "expected timestamp,price,volume";
            return LineKind.Malformed;
        }

        if (!TryParseSecondsAsMilliseconds(timeText, out var time) || time <= 0)
        {
            problem = "timestamp is not Unix seconds";
            return LineKind.Malformed;
        }

        if (!TryParseDecimal(priceText, out var price) || price <= 0m)
        {
            problem = "price is not a positive decimal";
            return LineKind.Malformed;
        }

        if (!TryParseDecimal(volumeText, out var volume) || volume <= 0m)
        {
            problem = "volume is not a positive decimal";
            return LineKind.Malformed;
        }

        trade = new Trade(symbol, lineNumber, price, volume, time);
        problem = null;
        return LineKind.Trade;
    }

    /// <summary>The next comma-separated field (spaces around it trimmed); false when none is left.</summary>
    private static bool NextField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        if (rest.IsEmpty)
        {
            field = default;
            return false;
        }

        var comma = rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = rest.Trim((byte)' ');
            rest = default;
            return !field.IsEmpty;
        }

        field = rest[..comma].Trim((byte)' ');
        rest = rest[(comma + 1)..];
        if (rest.IsEmpty)
        {
            // "a,b," : the empty last field still counts as "there", so an empty remainder parses as absent.
            rest = default;
        }

        return !field.IsEmpty;
    }

    /// <summary>A non-negative whole number of at most 18 digits.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// An exact decimal from plain digits with an optional point and sign (no exponent), keeping the scale the
    /// text has (<c>1.50</c> has scale 2), as <see cref="decimal.Parse(string)"/> does. Up to 19 significant
    /// digits are read directly; longer text goes through <see cref="Utf8Parser"/> (still exact).
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = false;
        var i = 0;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'.')
            {
                if (scale >= 0)
                {
                    return false;
                }

                scale = 0;
                continue;
            }

            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            if (++digits > 19)
            {
                return TryParseLong(text, out value);
            }

            mantissa = (mantissa * 10) + digit;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (digits == 0 || scale > 28)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;

        static bool TryParseLong(ReadOnlySpan<byte> text, out decimal value) =>
            Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    /// <summary>Unix seconds with an optional fraction (<c>1762798320.1234567</c>) as epoch milliseconds, truncated (floored: never negative).</summary>
    public static bool TryParseSecondsAsMilliseconds(ReadOnlySpan<byte> text, out long milliseconds)
    {
        milliseconds = 0;
        var point = text.IndexOf((byte)'.');
        var whole = point < 0 ? text : text[..point];
        if (!TryParseLong(whole, out var seconds) || whole.Length > 12)
        {
            return false;
        }

        long fraction = 0;
        if (point >= 0)
        {
            var fractionText = text[(point + 1)..];
            for (var i = 0; i < fractionText.Length; i++)
            {
                var digit = (uint)(fractionText[i] - '0');
                if (digit > 9)
                {
                    return false;
                }

                if (i < 3)
                {
                    fraction = (fraction * 10) + digit;
                }
            }

            for (var i = fractionText.Length; i < 3; i++)
            {
                fraction *= 10;
            }
        }

        milliseconds = (seconds * 1000) + fraction;
        return true;
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        if (text.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] | 0x20) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }
}
