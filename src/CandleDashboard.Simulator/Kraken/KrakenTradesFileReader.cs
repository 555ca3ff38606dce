using System.Text.Json;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Reads a saved Kraken REST Trades response, <c>{"error":[],"result":{"XBTUSDT":[[price,volume,time,side,type,misc,id],…],"last":"…"}}</c>,
/// for replay: prices and volumes exactly from their text, the time (a JSON number of seconds) exactly from
/// its text to the nanosecond, never through a double.
/// </summary>
internal static class KrakenTradesFileReader
{
    public static (string PairName, List<KrakenTrade> Trades) Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: not a Kraken Trades response (no \"result\" object).");
        }

        var pairProperty = result.EnumerateObject().FirstOrDefault(p => p.Name != "last" && p.Value.ValueKind == JsonValueKind.Array);
        if (pairProperty.Value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: the result holds no trade list.");
        }

        var trades = new List<KrakenTrade>();
        var index = 0;
        foreach (var row in pairProperty.Value.EnumerateArray())
        {
            index++;
            trades.Add(Parse(row) ?? throw new FormatException($"{path}: trade {index} is not [price,volume,time,side,type,misc,id]: {row.GetRawText()}"));
        }

        return (pairProperty.Name, trades);
    }

    private static KrakenTrade? Parse(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 7
            || row[0].ValueKind != JsonValueKind.String || !FixedPoint.TryParse(row[0].GetString(), out var price)
            || row[1].ValueKind != JsonValueKind.String || !FixedPoint.TryParse(row[1].GetString(), out var volume)
            || row[2].ValueKind != JsonValueKind.Number || !KrakenNumbers.TryDecimal(row[2].GetRawText(), out var seconds)
            || row[3].GetString() is not ("b" or "s") || row[4].GetString() is not ("m" or "l")
            || !row[6].TryGetInt64(out var id))
        {
            return null;
        }

        var ns = (long)(seconds * 1_000_000_000m);
        var trade = new SimTrade(id, price, volume, ns / 1_000_000, IsBuyerMaker: row[3].GetString() == "s");
        return new KrakenTrade(trade, ns, row[4].GetString() == "l");
    }
}
