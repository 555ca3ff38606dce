using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Contracts;

/// <summary>
/// How candle values are written for other programs (REST API and hub alike): decimals as exact
/// invariant strings, as Binance writes them, because a JSON number is a double in most clients
/// and a double cannot hold every decimal price; the source as "live" or "official".
/// </summary>
public static class WireFormat
{
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <remarks>
    /// A candle built from the exchange's trade history (<see cref="CandleSource.OfficialFromTrades"/>)
    /// is written "official" too: it is final exchange data, and other programs know only the two words.
    /// </remarks>
    public static string Source(CandleSource source) => source.IsOfficial() ? "official" : "live";
}
