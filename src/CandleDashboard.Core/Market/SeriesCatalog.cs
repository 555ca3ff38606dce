namespace CandleDashboard.Core.Market;

/// <summary>
/// The series this dashboard serves: its symbols and intervals, and the one set of rules every
/// edge (chart route, REST API, hub) checks a request against, with the same messages.
/// </summary>
public sealed class SeriesCatalog
{
    private readonly HashSet<string> _symbols;
    private readonly HashSet<Interval> _intervals;
    private readonly string _symbolList;
    private readonly string _intervalList;

    /// <param name="symbols">Offered symbols, normalized (upper case), in display order.</param>
    /// <param name="intervals">Offered intervals, shortest first.</param>
    public SeriesCatalog(IReadOnlyList<string> symbols, IReadOnlyList<Interval> intervals)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(intervals);
        if (symbols.Count == 0 || intervals.Count == 0)
        {
            throw new ArgumentException("At least one symbol and one interval must be offered.");
        }

        Symbols = symbols;
        Intervals = intervals;
        _symbols = symbols.ToHashSet(StringComparer.Ordinal);
        _intervals = intervals.ToHashSet();
        _symbolList = string.Join(", ", symbols);
        _intervalList = string.Join(", ", intervals.Select(i => i.Code));
    }

    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<Interval> Intervals { get; }

    /// <summary>
    /// Checks raw text as a client sent it. Symbols are trimmed and upper-cased; intervals are read
    /// leniently where unambiguous (<c>1H</c> is <c>1h</c>). The symbol is checked first.
    /// </summary>
    public SeriesCheck Check(string? symbolText, string? intervalText)
    {
        var intervalKnown = Interval.TryParseLenient(intervalText, out var interval);
        Interval? offered = intervalKnown && _intervals.Contains(interval) ? interval : null;

        if (string.IsNullOrWhiteSpace(symbolText))
        {
            return new("", offered, SeriesProblem.MissingSymbol, "Symbol is required (e.g. BTCUSDT).");
        }

        if (!Market.Symbols.TryNormalize(symbolText, out var symbol))
        {
            var echo = InputEcho.Of(symbolText);
            return new(echo, offered, SeriesProblem.InvalidSymbol, $"Symbol '{echo}' is not valid: expected 2-20 letters or digits, e.g. BTCUSDT.");
        }

        if (!_symbols.Contains(symbol))
        {
            return new(symbol, offered, SeriesProblem.UnknownSymbol, $"Unknown symbol '{symbol}'. Available symbols: {_symbolList}.");
        }

        if (string.IsNullOrWhiteSpace(intervalText))
        {
            return new(symbol, null, SeriesProblem.MissingInterval, $"Interval is required. Available intervals: {_intervalList}.");
        }

        if (!intervalKnown)
        {
            return new(symbol, null, SeriesProblem.UnknownInterval, $"Unknown interval '{InputEcho.Of(intervalText)}'. Available intervals: {_intervalList}.");
        }

        return offered is null
            ? new(symbol, null, SeriesProblem.IntervalNotOffered, $"Interval '{interval.Code}' is not offered here. Available intervals: {_intervalList}.")
            : new(symbol, offered, SeriesProblem.None, "");
    }
}
