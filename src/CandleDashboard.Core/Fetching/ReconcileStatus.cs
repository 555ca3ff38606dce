using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Fetching;

/// <summary>What the last reconcile of one series found and did (admin page, verify tooling).</summary>
/// <param name="Holes">Open times on the grid missing from at least one store.</param>
/// <param name="CopiedBetweenStores">Candles a store lacked and got from another store.</param>
/// <param name="Refetched">Candles no store had, fetched from the exchange and written to every store.</param>
/// <param name="Unrepaired">Open times the exchange had no closed kline for (or could not be asked about).</param>
public sealed record ReconcileStatus(
    SeriesKey Series,
    DateTimeOffset LastRunAt,
    int Holes,
    int CopiedBetweenStores,
    int Refetched,
    int Unrepaired,
    string? LastError)
{
    public long TotalRepaired { get; init; }
}
