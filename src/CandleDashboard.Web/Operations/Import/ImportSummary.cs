using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>One malformed line: where and why.</summary>
public sealed record MalformedLine(string File, long Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>What an import did, for the final report (and the tests).</summary>
public sealed class ImportSummary
{
    public int Files { get; set; }

    /// <summary>Files found complete in import_progress and not read again.</summary>
    public int FilesAlreadyDone { get; set; }

    /// <summary>Files continued from a saved position.</summary>
    public int FilesResumed { get; set; }

    public long Lines { get; set; }

    /// <summary>Lines skipped on resume (already committed by an earlier run).</summary>
    public long LinesSkipped { get; set; }

    public long Trades { get; set; }

    public long Malformed { get; set; }

    /// <summary>Parsed trades the builder refused (a time in the future).</summary>
    public long Rejected { get; set; }

    /// <summary>Trades older than an interval's forming bucket (out of time order in the file).</summary>
    public long Late { get; set; }

    public List<MalformedLine> MalformedShown { get; } = [];

    /// <summary>Candles sent to PostgreSQL per interval (each bucket once; a re-sent unchanged one is not rewritten).</summary>
    public Dictionary<Interval, long> CandlesWritten { get; } = [];

    /// <summary>Rows PostgreSQL inserted or changed (0 when the same files are imported again).</summary>
    public long RowsChanged { get; set; }

    public long Commits { get; set; }

    /// <summary>Newest candles per series copied into Redis (0 without Redis).</summary>
    public long RedisCandles { get; set; }

    public long? FirstTradeTime { get; set; }

    public long? LastTradeTime { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Trades parsed and built per second of the whole run (file reading, parsing, building, commits).</summary>
    public double TradesPerSecond => Elapsed.TotalSeconds > 0 ? Trades / Elapsed.TotalSeconds : 0;
}
