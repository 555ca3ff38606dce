namespace CandleDashboard.Core.Exchange;

/// <summary>
/// One exchange as the app uses it, whatever its protocol: its live trades, its official klines,
/// what it lists, and the name its candles are stored under. An adapter implements this; the host
/// and the UI depend on nothing else of it. Failures surface as <see cref="ExchangeException"/>s.
/// </summary>
public interface IExchange
{
    /// <summary>Lower-case name in every storage key (e.g. <c>binance</c>, <c>simulator</c>), so venues never mix.</summary>
    string Name { get; }

    ITradeFeed Trades { get; }

    IKlineSource Klines { get; }

    ISymbolDirectory Symbols { get; }

    /// <summary>The exchange's clock, to measure how far the local one is off (<see cref="ExchangeClock"/>).</summary>
    IServerTime ServerTime { get; }
}
