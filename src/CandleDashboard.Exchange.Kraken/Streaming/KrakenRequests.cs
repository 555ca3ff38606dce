using System.Text.Json;
using CandleDashboard.Exchange.Kraken.Pairs;

namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>The requests the feed sends over WebSocket v2, written with a JSON writer (pair names are escaped properly).</summary>
public static class KrakenRequests
{
    /// <summary><c>{"method":"subscribe","params":{"channel":"trade","symbol":[…],"snapshot":true},"req_id":n}</c></summary>
    public static byte[] Subscribe(IEnumerable<KrakenPair> pairs, bool snapshot, long requestId) =>
        TradeRequest("subscribe", pairs, snapshot, requestId);

    /// <summary><c>{"method":"ping","req_id":n}</c>; Kraken answers with a pong carrying the same id.</summary>
    public static byte[] Ping(long requestId)
    {
        using var stream = new MemoryStream(48);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("method", "ping");
            writer.WriteNumber("req_id", requestId);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static byte[] TradeRequest(string method, IEnumerable<KrakenPair> pairs, bool snapshot, long requestId)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WriteStartObject("params");
            writer.WriteString("channel", "trade");
            writer.WriteStartArray("symbol");
            foreach (var pair in pairs)
            {
                writer.WriteStringValue(pair.WebSocketName);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("snapshot", snapshot);

            writer.WriteEndObject();
            writer.WriteNumber("req_id", requestId);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
