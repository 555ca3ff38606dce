namespace CandleDashboard.Web.Options;

/// <summary>Which exchange the app talks to, bound from the <c>Exchange</c> configuration section.</summary>
public sealed class ExchangeOptions
{
    public const string SectionName = "Exchange";

    /// <summary>
    /// <see cref="ExchangeMode.Simulator"/> (default) starts a Binance-protocol simulator in-process on
    /// loopback, so the app runs with zero configuration and no internet.
    /// </summary>
    public ExchangeMode Mode { get; set; } = ExchangeMode.Simulator;

    /// <summary>Settings of the in-process simulator (ignored in <see cref="ExchangeMode.Binance"/> mode).</summary>
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
