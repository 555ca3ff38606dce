namespace CandleDashboard.Core.Exchange;

/// <summary>Whether a listed symbol trades now, in terms every exchange's statuses map to.</summary>
public enum SymbolStatus
{
    /// <summary>Open for trading: trades and klines flow.</summary>
    Trading,

    /// <summary>Listed but halted or in a break: no trades until it resumes.</summary>
    Halted,

    /// <summary>Listed but outside its trading session (before, after, end of day) or being delisted.</summary>
    Closed,
}
