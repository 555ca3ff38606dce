namespace CandleDashboard.Core.Exchange;

/// <summary>
/// A live trade stream from one exchange for a set of symbols. The implementation owns
/// connecting, keep-alive, reconnecting and resubscribing; it hands each trade to the sink once.
/// </summary>
public interface ITradeFeed
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, reconnecting as needed.</summary>
    Task RunAsync(IReadOnlyCollection<string> symbols, ITradeSink sink, CancellationToken cancellationToken);

    /// <summary>Current health; cheap to call, safe from any thread.</summary>
    FeedStatus Status { get; }
}
