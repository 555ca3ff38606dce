using System.Globalization;
using System.Text.Json;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Writes the AssetPairs result, keyed by each pair's key (<c>XXBTZUSD</c>, <c>XBTUSDT</c>), with Kraken's
/// fields: names (altname, wsname, base, quote), precisions (pair, lot, cost decimals, tick_size),
/// minimums (ordermin, costmin), fee schedule and <c>status</c> "online".
/// </summary>
internal static class KrakenAssetPairsWriter
{
    private static readonly (int Volume, decimal Taker, decimal Maker)[] Fees =
    [
        (0, 0.4m, 0.25m), (10_000, 0.35m, 0.2m), (50_000, 0.24m, 0.14m), (100_000, 0.22m, 0.12m),
        (250_000, 0.2m, 0.1m), (500_000, 0.18m, 0.08m), (1_000_000, 0.16m, 0.06m),
    ];

    public static void Write(Utf8JsonWriter w, IEnumerable<KrakenPairProfile> pairs)
    {
        w.WriteStartObject();
        foreach (var p in pairs)
        {
            w.WriteStartObject(p.Key);
            w.WriteString("altname", p.Altname);
            w.WriteString("wsname", p.WsName);
            w.WriteString("aclass_base", "currency");
            w.WriteString("base", p.BaseAsset);
            w.WriteString("aclass_quote", "currency");
            w.WriteString("quote", p.QuoteAsset);
            w.WriteString("lot", "unit");
            w.WriteNumber("cost_decimals", p.CostDecimals);
            w.WriteNumber("pair_decimals", p.PairDecimals);
            w.WriteNumber("lot_decimals", p.LotDecimals);
            w.WriteNumber("lot_multiplier", 1);
            w.WriteStartArray("leverage_buy");
            w.WriteEndArray();
            w.WriteStartArray("leverage_sell");
            w.WriteEndArray();
            FeeSchedule(w, "fees", maker: false);
            FeeSchedule(w, "fees_maker", maker: true);
            w.WriteString("fee_volume_currency", "ZUSD");
            w.WriteNumber("margin_call", 80);
            w.WriteNumber("margin_stop", 40);
            w.WriteString("ordermin", p.OrderMin.ToString(CultureInfo.InvariantCulture));
            w.WriteString("costmin", p.CostMin.ToString(CultureInfo.InvariantCulture));
            w.WriteString("tick_size", p.TickSize.ToString(CultureInfo.InvariantCulture));
            w.WriteString("status", "online");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void FeeSchedule(Utf8JsonWriter w, string name, bool maker)
    {
        w.WriteStartArray(name);
        foreach (var (volume, taker, makerFee) in Fees)
        {
            w.WriteStartArray();
            w.WriteNumberValue(volume);
            w.WriteNumberValue(maker ? makerFee : taker);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
