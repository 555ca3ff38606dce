using System.Globalization;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>WebSocket v2 messages in Kraken's documented shapes, for the loopback peer.</summary>
public static class KrakenWsJson
{
    public static string SubscribeAck(string pair) =>
        $$"""{"method":"subscribe","result":{"channel":"trade","snapshot":true,"symbol":"{{pair}}"},"success":true,"time_in":"2025-11-10T17:24:00.000001Z","time_out":"2025-11-10T17:24:00.000011Z","req_id":1}""";

    public const string Heartbeat = """{"channel":"heartbeat"}""";

    public const string StatusOnline = """{"channel":"status","type":"update","data":[{"version":"2.0.10","system":"online","api_version":"v2","connection_id":12393906104898154338}]}""";

    /// <summary>A trade message with one trade per id: price 100 + id, qty 0.001 × id, one second apart.</summary>
    public static string Trades(string type, string pair, params long[] ids) =>
        "{\"channel\":\"trade\",\"type\":\"" + type + "\",\"data\":["
        + string.Join(",", ids.Select(id => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"symbol":"{{pair}}","side":"{{(id % 2 == 0 ? "sell" : "buy")}}","price":{{100 + id}}.5,"qty":{{0.001m * id}},"ord_type":"limit","trade_id":{{id}},"timestamp":"2025-11-10T17:24:{{id:00}}.123456Z"}""")))
        + "]}";
}
