using System.Buffers.Text;
using System.Text;

namespace CandleDashboard.Simulator.Market;

/// <summary>
/// Prices and quantities are kept as integers of 1e-8 (Binance prints every decimal with 8 places),
/// so aggregation is exact integer arithmetic and a REST kline equals the sum of the streamed trades
/// to the last digit. Quote volumes (price × quantity) are Int128 of 1e-16.
/// </summary>
internal static class FixedPoint
{
    public const long UnitsPerOne = 100_000_000;
    public const int Scale = 8;
    private static readonly Int128 QuoteUnitsPerOne = (Int128)UnitsPerOne * UnitsPerOne;

    /// <summary>Exact conversion that keeps Binance's 8 places (27000.12 becomes 27000.12000000m).</summary>
    public static decimal ToDecimal(long units)
    {
        var negative = units < 0;
        var magnitude = negative ? (ulong)(-units) : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, Scale);
    }

    public static long FromDecimal(decimal value) => (long)decimal.Round(value * UnitsPerOne, 0, MidpointRounding.ToEven);

    /// <summary>Writes <paramref name="units"/> as Binance does: always 8 decimals, e.g. <c>27000.12000000</c>.</summary>
    public static void Append(StringBuilder sb, long units)
    {
        if (units < 0)
        {
            sb.Append('-');
            units = -units;
        }

        sb.Append(units / UnitsPerOne).Append('.');
        var fraction = units % UnitsPerOne;
        sb.Append(fraction.ToString("D8"));
    }

    public static string Format(long units)
    {
        var sb = new StringBuilder(24);
        Append(sb, units);
        return sb.ToString();
    }

    /// <summary>Writes a quote volume with at least 8 decimals, and more only when needed to stay exact.</summary>
    public static string FormatQuote(Int128 quoteUnits)
    {
        var negative = quoteUnits < 0;
        if (negative)
        {
            quoteUnits = -quoteUnits;
        }

        var whole = quoteUnits / QuoteUnitsPerOne;
        var fraction = (quoteUnits % QuoteUnitsPerOne).ToString("D16");
        var keep = 16;
        while (keep > Scale && fraction[keep - 1] == '0')
        {
            keep--;
        }

        return (negative ? "-" : "") + whole + "." + fraction[..keep];
    }

    /// <summary>Parses a decimal text such as <c>29023.66000000</c> into units, without culture or rounding surprises.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long units)
    {
        units = 0;
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        units = FromDecimal(value);
        return true;
    }

    /// <summary>Writes units into a UTF-8 buffer (8 decimals); used by the hot broadcast path.</summary>
    public static int WriteUtf8(Span<byte> destination, long units)
    {
        var written = 0;
        if (units < 0)
        {
            destination[written++] = (byte)'-';
            units = -units;
        }

        Utf8Formatter.TryFormat(units / UnitsPerOne, destination[written..], out var n);
        written += n;
        destination[written++] = (byte)'.';
        Utf8Formatter.TryFormat(units % UnitsPerOne, destination[written..], out n, new System.Buffers.StandardFormat('D', 8));
        return written + n;
    }
}
