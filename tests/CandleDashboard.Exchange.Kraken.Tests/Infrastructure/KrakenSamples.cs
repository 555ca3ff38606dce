using System.Text;
using System.Text.Json;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Parsing;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>
/// A small AssetPairs answer in the shape of Kraken's documented one (every field of an entry, the
/// result keyed by result key): XBT/USD, XBT/USDT, ETH/USD, the dogecoin pair (XDG, cancel_only),
/// and a dark-pool ".d" pair, which has no wsname.
/// </summary>
internal static class KrakenSamples
{
    public const string AssetPairs = """
        {
          "error": [],
          "result": {
            "XXBTZUSD": {
              "altname": "XBTUSD", "wsname": "XBT/USD", "aclass_base": "currency", "base": "XXBT",
              "aclass_quote": "currency", "quote": "ZUSD", "lot": "unit", "cost_decimals": 5,
              "pair_decimals": 1, "lot_decimals": 8, "lot_multiplier": 1,
              "leverage_buy": [2, 3, 4, 5], "leverage_sell": [2, 3, 4, 5],
              "fees": [[0, 0.4], [10000, 0.35], [50000, 0.24]], "fees_maker": [[0, 0.25], [10000, 0.2], [50000, 0.14]],
              "fee_volume_currency": "ZUSD", "margin_call": 80, "margin_stop": 40,
              "ordermin": "0.00005", "costmin": "0.5", "tick_size": "0.1", "status": "online",
              "long_position_limit": 270, "short_position_limit": 180
            },
            "XBTUSDT": {
              "altname": "XBTUSDT", "wsname": "XBT/USDT", "aclass_base": "currency", "base": "XXBT",
              "aclass_quote": "currency", "quote": "USDT", "lot": "unit", "cost_decimals": 6,
              "pair_decimals": 1, "lot_decimals": 8, "lot_multiplier": 1,
              "leverage_buy": [2, 3], "leverage_sell": [2, 3],
              "fees": [[0, 0.4], [10000, 0.35]], "fees_maker": [[0, 0.25], [10000, 0.2]],
              "fee_volume_currency": "ZUSD", "margin_call": 80, "margin_stop": 40,
              "ordermin": "0.00005", "costmin": "0.5", "tick_size": "0.1", "status": "online",
              "long_position_limit": 30, "short_position_limit": 20
            },
            "XETHZUSD": {
              "altname": "ETHUSD", "wsname": "ETH/USD", "aclass_base": "currency", "base": "XETH",
              "aclass_quote": "currency", "quote": "ZUSD", "lot": "unit", "cost_decimals": 5,
              "pair_decimals": 2, "lot_decimals": 8, "lot_multiplier": 1,
              "leverage_buy": [2, 3, 4, 5], "leverage_sell": [2, 3, 4, 5],
              "fees": [[0, 0.4]], "fees_maker": [[0, 0.25]],
              "fee_volume_currency": "ZUSD", "margin_call": 80, "margin_stop": 40,
              "ordermin": "0.002", "costmin": "0.5", "tick_size": "0.01", "status": "online",
              "long_position_limit": 4000, "short_position_limit": 3000
            },
            "XDGUSD": {
              "altname": "XDGUSD", "wsname": "XDG/USD", "aclass_base": "currency", "base": "XXDG",
              "aclass_quote": "currency", "quote": "ZUSD", "lot": "unit", "cost_decimals": 5,
              "pair_decimals": 7, "lot_decimals": 8, "lot_multiplier": 1,
              "leverage_buy": [], "leverage_sell": [], "fees": [[0, 0.4]], "fees_maker": [[0, 0.25]],
              "fee_volume_currency": "ZUSD", "margin_call": 80, "margin_stop": 40,
              "ordermin": "50", "costmin": "0.5", "status": "cancel_only"
            },
            "XXBTZUSD.d": {
              "altname": "XBTUSD.d", "aclass_base": "currency", "base": "XXBT",
              "aclass_quote": "currency", "quote": "ZUSD", "lot": "unit",
              "pair_decimals": 1, "lot_decimals": 8, "lot_multiplier": 1, "status": "online"
            }
          }
        }
        """;

    public static KrakenPairMap PairMap()
    {
        using var envelope = KrakenEnvelope.Parse(Encoding.UTF8.GetBytes(AssetPairs));
        return new KrakenPairMap(KrakenAssetPairsParser.Parse(envelope.Result!.Value));
    }

    /// <summary>A recorded REST answer from ../shared/data/kraken, read through the adapter's envelope.</summary>
    public static JsonElement RecordedResult(string fileName, out KrakenEnvelope envelope)
    {
        envelope = KrakenEnvelope.Parse(File.ReadAllBytes(SharedData.PathOf("kraken", fileName)));
        Assert.Empty(envelope.Errors);
        return envelope.Result!.Value;
    }
}
