using System.Buffers.Text;
using System.Text;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Writes trade and aggTrade events as the UTF-8 bytes Binance sends. Hand-written rather than through a
/// serializer because it runs once per trade on the broadcast path; symbols are validated [A-Z0-9] so
/// nothing needs escaping.
/// </summary>
internal static class TradeFrameEncoder
{
    private const int MaxFrameBytes = 512;

    /// <summary><c>{"e":"trade","E":…,"s":"BTCUSDT","t":…,"p":"…","q":"…","T":…,"m":…,"M":true}</c></summary>
    public static byte[] Trade(string symbol, in SimTrade trade, long eventTime)
    {
        Span<byte> b = stackalloc byte[MaxFrameBytes];
        var n = 0;
        Header(b, ref n, "{\"e\":\"trade\",\"E\":"u8, eventTime, symbol);
        Raw(b, ref n, "\",\"t\":"u8);
        Number(b, ref n, trade.TradeId);
        PriceAndQuantity(b, ref n, trade);
        Tail(b, ref n, trade);
        return b[..n].ToArray();
    }

    /// <summary>One simulated trade is one aggregate trade: <c>a</c>, <c>f</c> and <c>l</c> all carry the trade id.</summary>
    public static byte[] AggTrade(string symbol, in SimTrade trade, long eventTime)
    {
        Span<byte> b = stackalloc byte[MaxFrameBytes];
        var n = 0;
        Header(b, ref n, "{\"e\":\"aggTrade\",\"E\":"u8, eventTime, symbol);
        Raw(b, ref n, "\",\"a\":"u8);
        Number(b, ref n, trade.TradeId);
        PriceAndQuantity(b, ref n, trade);
        Raw(b, ref n, ",\"f\":"u8);
        Number(b, ref n, trade.TradeId);
        Raw(b, ref n, ",\"l\":"u8);
        Number(b, ref n, trade.TradeId);
        Tail(b, ref n, trade);
        return b[..n].ToArray();
    }

    /// <summary>Event name and time, then the symbol up to its closing quote (left open for the id field).</summary>
    private static void Header(Span<byte> b, ref int n, ReadOnlySpan<byte> eventPrefix, long eventTime, string symbol)
    {
        Raw(b, ref n, eventPrefix);
        Number(b, ref n, eventTime);
        Raw(b, ref n, ",\"s\":\""u8);
        Ascii(b, ref n, symbol);
    }

    private static void PriceAndQuantity(Span<byte> b, ref int n, in SimTrade trade)
    {
        Raw(b, ref n, ",\"p\":\""u8);
        n += FixedPoint.WriteUtf8(b[n..], trade.PriceUnits);
        Raw(b, ref n, "\",\"q\":\""u8);
        n += FixedPoint.WriteUtf8(b[n..], trade.QuantityUnits);
        Raw(b, ref n, "\""u8);
    }

    /// <summary>Trade time and the maker flags close the event.</summary>
    private static void Tail(Span<byte> b, ref int n, in SimTrade trade)
    {
        Raw(b, ref n, ",\"T\":"u8);
        Number(b, ref n, trade.Time);
        Raw(b, ref n, trade.IsBuyerMaker ? ",\"m\":true,\"M\":true}"u8 : ",\"m\":false,\"M\":true}"u8);
    }

    /// <summary>The combined-stream envelope <c>{"stream":"…","data":…}</c> around an already encoded event.</summary>
    public static byte[] Combined(byte[] streamPrefix, byte[] data)
    {
        var frame = new byte[streamPrefix.Length + data.Length + 1];
        streamPrefix.CopyTo(frame, 0);
        data.CopyTo(frame, streamPrefix.Length);
        frame[^1] = (byte)'}';
        return frame;
    }

    /// <summary>The constant head of a combined frame for one stream, computed once per stream.</summary>
    public static byte[] CombinedPrefix(string streamName) => Encoding.UTF8.GetBytes("{\"stream\":\"" + streamName + "\",\"data\":");

    private static void Raw(Span<byte> buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[length..]);
        length += bytes.Length;
    }

    private static void Number(Span<byte> buffer, ref int length, long value)
    {
        Utf8Formatter.TryFormat(value, buffer[length..], out var written);
        length += written;
    }

    private static void Ascii(Span<byte> buffer, ref int length, string text) =>
        length += Encoding.ASCII.GetBytes(text, buffer[length..]);
}
