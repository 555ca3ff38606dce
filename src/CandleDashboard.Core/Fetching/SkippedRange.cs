using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Fetching;

/// <summary>Official candles of a series not fetched because they lay beyond the backfill horizon.</summary>
/// <param name="From">First skipped open time (UTC epoch ms).</param>
/// <param name="To">Last skipped open time.</param>
public sealed record SkippedRange(SeriesKey Series, long From, long To, long Candles);
