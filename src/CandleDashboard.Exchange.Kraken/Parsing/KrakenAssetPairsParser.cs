using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Pairs;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Reads the result of <c>GET /0/public/AssetPairs</c> (an object keyed by result key, e.g.
/// <c>"XXBTZUSD": {"altname":"XBTUSD","wsname":"XBT/USD","pair_decimals":1,"lot_decimals":8,"tick_size":"0.1","status":"online",…}</c>)
/// into <see cref="KrakenPair"/>s: every name an endpoint uses, from the one entry.
/// </summary>
public static class KrakenAssetPairsParser
{
    /// <summary>
    /// Every pair that can be streamed and named: entries without a <c>wsname</c> (Kraken's dark-pool
    /// ".d" pairs) or whose normalised symbol is not a valid product symbol are left out.
    /// </summary>
    /// <exception cref="FormatException">The result is not an AssetPairs object.</exception>
    public static List<KrakenPair> Parse(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("AssetPairs result is not an object.");
        }

        var pairs = new List<KrakenPair>();
        foreach (var entry in result.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object && Read(entry.Name, entry.Value) is { } pair)
            {
                pairs.Add(pair);
            }
        }

        return pairs;
    }

    /// <summary>Kraken's pair statuses in the core's terms.</summary>
    public static SymbolStatus StatusOf(string? status) => status switch
    {
        // Orders still match in these: trades (and candles) flow.
        "online" or "limit_only" or "reduce_only" => SymbolStatus.Trading,

        // Listed, but nothing matches until it returns to online.
        "cancel_only" or "post_only" or "maintenance" => SymbolStatus.Halted,
        _ => SymbolStatus.Closed, // delisted, work_in_progress, and anything new
    };

    private static KrakenPair? Read(string resultKey, JsonElement entry)
    {
        var wsname = StringOf(entry, "wsname");
        var altname = StringOf(entry, "altname");
        if (altname is null || !KrakenAssetNames.TrySplitWebSocketName(wsname, out var baseAsset, out var quoteAsset))
        {
            return null;
        }

        var symbol = baseAsset + quoteAsset;
        if (!Symbols.IsValid(symbol))
        {
            return null;
        }

        var status = StringOf(entry, "status") ?? "online"; // older answers had no status: listed means online
        var tick = entry.TryGetProperty("tick_size", out var t) && KrakenJson.TryDecimal(t, out var tickSize) && tickSize > 0
            ? tickSize
            : Step(entry, "pair_decimals");
        return new KrakenPair(
            symbol,
            WebSocketName: baseAsset + "/" + quoteAsset,
            RestName: altname,
            ResultKey: resultKey,
            baseAsset,
            quoteAsset,
            StatusOf(status),
            status,
            tick,
            LotSize: Step(entry, "lot_decimals"));
    }

    private static string? StringOf(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>10^-decimals (8 → 0.00000001); 0 (unknown) when the field is missing or unusable.</summary>
    private static decimal Step(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var decimals) || decimals is < 0 or > 28)
        {
            return 0m;
        }

        return new decimal(1, 0, 0, false, (byte)decimals);
    }
}
