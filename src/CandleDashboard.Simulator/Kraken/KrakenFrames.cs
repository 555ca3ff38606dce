using System.Buffers;
using System.Text.Json;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The WebSocket v2 messages, as UTF-8 frames: status, heartbeat, method acknowledgements and errors
/// (with <c>time_in</c>/<c>time_out</c> and the client's <c>req_id</c>), and the <c>trade</c> channel's
/// snapshot and update, whose prices and quantities are JSON numbers written exactly from the units.
/// </summary>
internal static class KrakenFrames
{
    public static byte[] Heartbeat { get; } = """{"channel":"heartbeat"}"""u8.ToArray();

    public static byte[] Status(long connectionId) => Write(w =>
    {
        w.WriteString("channel", "status");
        w.WriteString("type", "update");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("version", "2.0.10");
        w.WriteString("system", "online");
        w.WriteString("api_version", "v2");
        w.WriteNumber("connection_id", connectionId);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary><c>{"method":"subscribe","result":{"channel":"trade","snapshot":true,"symbol":"BTC/USD"},"success":true,…}</c></summary>
    public static byte[] Ack(string method, string symbol, bool? snapshot, DateTimeOffset timeIn, DateTimeOffset timeOut, JsonElement reqId) => Write(w =>
    {
        w.WriteString("method", method);
        w.WriteStartObject("result");
        w.WriteString("channel", "trade");
        if (snapshot is { } s)
        {
            w.WriteBoolean("snapshot", s);
        }

        w.WriteString("symbol", symbol);
        w.WriteEndObject();
        w.WriteBoolean("success", true);
        Times(w, timeIn, timeOut, reqId);
    });

    /// <summary><c>{"error":"…","method":"subscribe","success":false,"symbol":"…",…}</c></summary>
    public static byte[] Error(string error, string? method, string? symbol, DateTimeOffset timeIn, DateTimeOffset timeOut, JsonElement reqId) => Write(w =>
    {
        w.WriteString("error", error);
        if (method is not null)
        {
            w.WriteString("method", method);
        }

        w.WriteBoolean("success", false);
        if (symbol is not null)
        {
            w.WriteString("symbol", symbol);
        }

        Times(w, timeIn, timeOut, reqId);
    });

    public static byte[] Pong(DateTimeOffset timeIn, DateTimeOffset timeOut, JsonElement reqId) => Write(w =>
    {
        w.WriteString("method", "pong");
        Times(w, timeIn, timeOut, reqId);
    });

    /// <summary><c>{"channel":"trade","type":"snapshot"|"update","data":[{"symbol":…,"side":…,"price":…,"qty":…,"ord_type":…,"trade_id":…,"timestamp":…}]}</c></summary>
    public static byte[] Trades(string type, string symbol, IEnumerable<KrakenTrade> trades) => Write(w =>
    {
        w.WriteString("channel", "trade");
        w.WriteString("type", type);
        w.WriteStartArray("data");
        foreach (var t in trades)
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol);
            w.WriteString("side", t.IsBuy ? "buy" : "sell");
            w.WritePropertyName("price");
            w.WriteRawValue(KrakenNumbers.Number(t.Trade.PriceUnits), skipInputValidation: true);
            w.WritePropertyName("qty");
            w.WriteRawValue(KrakenNumbers.Number(t.Trade.QuantityUnits), skipInputValidation: true);
            w.WriteString("ord_type", t.IsLimit ? "limit" : "market");
            w.WriteNumber("trade_id", t.Trade.TradeId);
            w.WriteString("timestamp", KrakenNumbers.Rfc3339(t.TimeNs));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void Times(Utf8JsonWriter w, DateTimeOffset timeIn, DateTimeOffset timeOut, JsonElement reqId)
    {
        w.WriteString("time_in", KrakenNumbers.Rfc3339(timeIn));
        w.WriteString("time_out", KrakenNumbers.Rfc3339(timeOut));
        if (reqId.ValueKind == JsonValueKind.Number)
        {
            w.WritePropertyName("req_id");
            reqId.WriteTo(w);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
