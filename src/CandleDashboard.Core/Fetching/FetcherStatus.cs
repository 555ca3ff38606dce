namespace CandleDashboard.Core.Fetching;

/// <summary>What an operator sees of the fetcher.</summary>
public sealed record FetcherStatus(
    DateTimeOffset? LastRunAt,
    int LastRunCandles,
    long TotalCandles,
    DateTimeOffset? NextRunAt,
    string? LastError);
