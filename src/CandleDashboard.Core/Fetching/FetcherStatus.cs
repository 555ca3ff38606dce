namespace CandleDashboard.Core.Fetching;

/// <summary>What an operator sees of the fetcher.</summary>
public sealed record FetcherStatus(
    DateTimeOffset? LastRunAt,
    int LastRunCandles,
    long TotalCandles,
    DateTimeOffset? NextRunAt,
    string? LastError)
{
    /// <summary>Series whose fetch failed in the last run (all of them when the exchange rate-limited it).</summary>
    public int FailedSeries { get; init; }

    /// <summary>Series the fetcher keeps.</summary>
    public int Series { get; init; }

    /// <summary>True when no series could be fetched: the exchange (not one series) is the problem, so back off.</summary>
    public bool AllFailed => FailedSeries > 0 && FailedSeries >= Series;
}
