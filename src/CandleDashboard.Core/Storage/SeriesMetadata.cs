namespace CandleDashboard.Core.Storage;

/// <summary>What a store holds of one series: open times of the oldest and newest candle, and how many.</summary>
public sealed record SeriesMetadata(long EarliestOpenTime, long LatestOpenTime, long Count);
