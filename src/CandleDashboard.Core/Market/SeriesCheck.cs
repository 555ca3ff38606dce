namespace CandleDashboard.Core.Market;

/// <summary>
/// The outcome of checking a requested (symbol, interval). Either <see cref="IsValid"/> with the
/// normalized <see cref="Series"/>, or the first <see cref="Problem"/> with a message that can be
/// shown to whoever asked (it echoes their input only through <see cref="InputEcho"/>).
/// </summary>
/// <param name="Symbol">The normalized symbol when it is well-formed, else the echoed input.</param>
/// <param name="Interval">The interval when it is offered, else null (kept even when the symbol is wrong, so a page can suggest the same interval).</param>
public sealed record SeriesCheck(string Symbol, Interval? Interval, SeriesProblem Problem, string Message)
{
    public bool IsValid => Problem == SeriesProblem.None;

    public bool IsSymbolProblem => Problem is SeriesProblem.MissingSymbol or SeriesProblem.InvalidSymbol or SeriesProblem.UnknownSymbol;

    /// <summary>The series; only when <see cref="IsValid"/>.</summary>
    public Series Series => IsValid && Interval is { } interval ? new Series(Symbol, interval) : throw new InvalidOperationException(Message);
}
