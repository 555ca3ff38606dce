using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Fetching;

/// <summary>One store's series checked against the exchange over a range (see <see cref="StoreVerifier"/>).</summary>
/// <param name="Checked">Open times of the range the store was expected to hold (its first to its last stored candle).</param>
/// <param name="Holes">Open times on the grid the store lacks.</param>
/// <param name="Duplicates">Open times the store returned more than once.</param>
/// <param name="Mismatches">Stored candles that differ from the exchange's kline (stored, exchange); the exchange's is null when it has none.</param>
public sealed record StoreVerification(
    string Store,
    SeriesKey Series,
    int Checked,
    IReadOnlyList<long> Holes,
    IReadOnlyList<long> Duplicates,
    IReadOnlyList<(Candle Stored, Candle? Exchange)> Mismatches,
    string? Error)
{
    public bool Clean => Error is null && Holes.Count == 0 && Duplicates.Count == 0 && Mismatches.Count == 0;
}
