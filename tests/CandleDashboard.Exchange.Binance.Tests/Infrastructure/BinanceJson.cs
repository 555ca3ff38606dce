using System.Globalization;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>Stream messages in Binance's exact shape, for servers and parser tests.</summary>
public static class BinanceJson
{
    public static string Trade(string symbol, long id, string price, string quantity, long time, bool buyerMaker = false) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"stream":"{{{symbol.ToLowerInvariant()}}}@trade","data":{"e":"trade","E":{{{time + 1}}},"s":"{{{symbol}}}","t":{{{id}}},"p":"{{{price}}}","q":"{{{quantity}}}","T":{{{time}}},"m":{{{(buyerMaker ? "true" : "false")}}},"M":true}}""");

    public static string RawAggTrade(string symbol, long id, string price, string quantity, long time, bool buyerMaker = false) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"e":"aggTrade","E":{{{time + 1}}},"s":"{{{symbol}}}","a":{{{id}}},"p":"{{{price}}}","q":"{{{quantity}}}","f":{{{id * 2}}},"l":{{{id * 2 + 1}}},"T":{{{time}}},"m":{{{(buyerMaker ? "true" : "false")}}},"M":true}""");
}
