using System.Text.Json;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Rest;

/// <summary>
/// Writes <c>GET /api/v3/exchangeInfo</c> in Binance's shape: timezone, server time, the public rate
/// limits, and per symbol its status, assets, precisions, order types and PRICE_FILTER / LOT_SIZE filters.
/// </summary>
internal static class ExchangeInfoWriter
{
    private static readonly string[] OrderTypes = ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];
    private static readonly string[] SelfTradePreventionModes = ["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"];

    public static void Write(Utf8JsonWriter w, long serverTime, IEnumerable<SymbolProfile> symbols)
    {
        w.WriteStartObject();
        w.WriteString("timezone", "UTC");
        w.WriteNumber("serverTime", serverTime);
        w.WriteStartArray("rateLimits");
        RateLimit(w, "REQUEST_WEIGHT", "MINUTE", 1, 6000);
        RateLimit(w, "ORDERS", "SECOND", 10, 100);
        RateLimit(w, "ORDERS", "DAY", 1, 200000);
        RateLimit(w, "RAW_REQUESTS", "MINUTE", 5, 61000);
        w.WriteEndArray();
        w.WriteStartArray("exchangeFilters");
        w.WriteEndArray();
        w.WriteStartArray("symbols");
        foreach (var symbol in symbols)
        {
            Symbol(w, symbol);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Symbol(Utf8JsonWriter w, SymbolProfile p)
    {
        w.WriteStartObject();
        w.WriteString("symbol", p.Symbol);
        w.WriteString("status", "TRADING");
        w.WriteString("baseAsset", p.BaseAsset);
        w.WriteNumber("baseAssetPrecision", 8);
        w.WriteString("quoteAsset", p.QuoteAsset);
        w.WriteNumber("quotePrecision", 8);
        w.WriteNumber("quoteAssetPrecision", 8);
        w.WriteNumber("baseCommissionPrecision", 8);
        w.WriteNumber("quoteCommissionPrecision", 8);
        StringArray(w, "orderTypes", OrderTypes);
        w.WriteBoolean("icebergAllowed", true);
        w.WriteBoolean("ocoAllowed", true);
        w.WriteBoolean("otoAllowed", true);
        w.WriteBoolean("quoteOrderQtyMarketAllowed", true);
        w.WriteBoolean("allowTrailingStop", true);
        w.WriteBoolean("cancelReplaceAllowed", true);
        w.WriteBoolean("isSpotTradingAllowed", true);
        w.WriteBoolean("isMarginTradingAllowed", false);
        w.WriteStartArray("filters");
        w.WriteStartObject();
        w.WriteString("filterType", "PRICE_FILTER");
        w.WriteString("minPrice", FixedPoint.Format(p.TickUnits));
        w.WriteString("maxPrice", FixedPoint.Format(1_000_000 * FixedPoint.UnitsPerOne));
        w.WriteString("tickSize", FixedPoint.Format(p.TickUnits));
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("filterType", "LOT_SIZE");
        w.WriteString("minQty", FixedPoint.Format(p.StepUnits));
        w.WriteString("maxQty", FixedPoint.Format(9_000 * FixedPoint.UnitsPerOne));
        w.WriteString("stepSize", FixedPoint.Format(p.StepUnits));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("permissions");
        w.WriteEndArray();
        w.WriteStartArray("permissionSets");
        StringArray(w, null, ["SPOT"]);
        w.WriteEndArray();
        w.WriteString("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        StringArray(w, "allowedSelfTradePreventionModes", SelfTradePreventionModes);
        w.WriteEndObject();
    }

    private static void RateLimit(Utf8JsonWriter w, string type, string interval, int intervalNum, int limit)
    {
        w.WriteStartObject();
        w.WriteString("rateLimitType", type);
        w.WriteString("interval", interval);
        w.WriteNumber("intervalNum", intervalNum);
        w.WriteNumber("limit", limit);
        w.WriteEndObject();
    }

    private static void StringArray(Utf8JsonWriter w, string? name, IEnumerable<string> values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
