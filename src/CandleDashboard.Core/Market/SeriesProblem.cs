namespace CandleDashboard.Core.Market;

/// <summary>What is wrong with a requested series, first problem only (symbol before interval).</summary>
public enum SeriesProblem
{
    None,
    MissingSymbol,

    /// <summary>Not shaped like a symbol at all (wrong characters or length).</summary>
    InvalidSymbol,

    /// <summary>Well-formed, but not one this dashboard serves.</summary>
    UnknownSymbol,
    MissingInterval,

    /// <summary>Not an interval any exchange spells so (e.g. <c>7x</c>, or <c>1M</c>, a month).</summary>
    UnknownInterval,

    /// <summary>A real interval this dashboard does not offer (e.g. <c>3m</c>).</summary>
    IntervalNotOffered,
}
