namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>
/// A dashboard configured for XRPUSDT while its exchange (the simulator) does not list it: the
/// configuration mistake or delisting a trader might meet with the real exchange.
/// </summary>
public sealed class ListingGapServer : DashboardServer
{
    protected override IEnumerable<string> ExtraArgs =>
    [
        "--Dashboard:Symbols:0=BTCUSDT",
        "--Dashboard:Symbols:1=XRPUSDT",
        "--Dashboard:StaleAfter=00:00:03",
        "--Exchange:Simulator:Symbols:0=BTCUSDT",
    ];
}
