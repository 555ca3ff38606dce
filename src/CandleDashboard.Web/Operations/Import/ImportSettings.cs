using CandleDashboard.Core.Import;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>What one import run does: whose trades, which intervals, how often it commits.</summary>
public sealed class ImportSettings
{
    /// <summary>Store name of the venue (<c>binance</c>, <c>kraken</c>): the exchange part of every series key.</summary>
    public required string Exchange { get; init; }

    public required string Symbol { get; init; }

    public required TradeFileFormat Format { get; init; }

    /// <summary>Every interval built (the app's configured intervals, <c>Dashboard:Intervals</c>, else <see cref="Interval.Defaults"/>).</summary>
    public required IReadOnlyList<Interval> Intervals { get; init; }

    /// <summary>Lines read between two commits (each commit: the closed candles so far and the file's position, one transaction).</summary>
    public int CommitEveryLines { get; init; } = 1_000_000;

    /// <summary>Ignore saved positions and import every file from its first line.</summary>
    public bool Restart { get; init; }

    /// <summary>Malformed lines listed in the summary (all are counted).</summary>
    public int MalformedShown { get; init; } = 20;

    /// <summary>For tests: a pause after each commit, so a test can kill the process between two commits.</summary>
    public TimeSpan PauseAfterCommit { get; init; }
}
