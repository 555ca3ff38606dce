namespace CandleDashboard.Web.Options;

/// <summary>
/// Whether the app talks to the simulator or to the real exchanges, bound from the <c>Exchange</c>
/// configuration section; which exchanges, with which symbols, is <c>Dashboard:Exchanges</c> (see <see cref="Venues.VenuePlan"/>).
/// </summary>
public sealed class ExchangeOptions
{
    public const string SectionName = "Exchange";

    /// <summary>
    /// <see cref="ExchangeMode.Simulator"/> (default) starts a simulator in-process on loopback, speaking
    /// both Binance's and Kraken's protocols, so the app runs with zero configuration and no internet.
    /// <see cref="ExchangeMode.Binance"/> (the name from before there were two) means the real exchanges.
    /// </summary>
    public ExchangeMode Mode { get; set; } = ExchangeMode.Simulator;

    /// <summary>Settings of the in-process simulator (ignored against the real exchanges).</summary>
    public SimulatorSettings Simulator { get; set; } = new();
}

public enum ExchangeMode
{
    Simulator,
    Binance,
}

public sealed class SimulatorSettings
{
    public int TradesPerSecondPerSymbol { get; set; } = 20;

    /// <summary>0 = any free loopback port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Symbols the simulator lists. Empty = the dashboard's symbols. Listing fewer shows how the
    /// dashboard handles a symbol the exchange does not know (delisted, typo in configuration).
    /// </summary>
    public List<string> Symbols { get; set; } = [];
}
