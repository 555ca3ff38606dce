using CandleDashboard.Core.Market;
using CandleDashboard.Web.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Turns a client's raw (symbol, interval) into a configured series, or refuses it with a
/// <see cref="HubException"/>: its message is the one text SignalR forwards to the client, so a
/// caller learns what was wrong without the server exposing anything else.
/// </summary>
public sealed class SeriesRequestValidator
{
    /// <summary>Echoed input is cut to this length so hostile text is not reflected at full size.</summary>
    private const int MaxEcho = 32;

    private readonly HashSet<string> _symbols;
    private readonly HashSet<Interval> _intervals;
    private readonly string _symbolList;
    private readonly string _intervalList;

    public SeriesRequestValidator(IOptions<DashboardOptions> options)
    {
        var dashboard = options.Value;
        _symbols = dashboard.EffectiveSymbols.ToHashSet(StringComparer.Ordinal);
        _intervals = dashboard.EffectiveIntervals.ToHashSet();
        _symbolList = string.Join(", ", dashboard.EffectiveSymbols);
        _intervalList = string.Join(", ", dashboard.EffectiveIntervals.Select(i => i.Code));
    }

    public HubSeries Validate(string? symbol, string? interval)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw new HubException("Symbol is required (e.g. BTCUSDT).");
        }

        if (!Symbols.TryNormalize(symbol, out var normalized))
        {
            throw new HubException($"Invalid symbol '{Echo(symbol)}': use 2-20 letters or digits (e.g. BTCUSDT).");
        }

        if (!_symbols.Contains(normalized))
        {
            throw new HubException($"Unknown symbol '{normalized}'. Available symbols: {_symbolList}.");
        }

        if (string.IsNullOrWhiteSpace(interval))
        {
            throw new HubException($"Interval is required. Available intervals: {_intervalList}.");
        }

        if (!Interval.TryParse(interval, out var parsed) || !_intervals.Contains(parsed))
        {
            throw new HubException($"Unknown interval '{Echo(interval)}'. Available intervals: {_intervalList}.");
        }

        return new HubSeries(normalized, parsed);
    }

    private static string Echo(string text) => text.Length <= MaxEcho ? text : string.Concat(text.AsSpan(0, MaxEcho), "…");
}
