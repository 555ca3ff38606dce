using CandleDashboard.Core.Indicators;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The indicators a chart shows, as its link carries them: <c>?ind=ema(21);rsi(14)</c> (a semicolon
/// between indicators, since a comma separates an indicator's own parameters). Every entry is checked
/// by the engine's rules; one that does not parse is dropped with its message for the page to show.
/// </summary>
public sealed record ChartIndicators(IReadOnlyList<IndicatorSpec> Specs, IReadOnlyList<string> Problems)
{
    /// <summary>More would crowd the price pane and the panes below it past reading.</summary>
    public const int Max = 6;

    public const char Separator = ';';

    public static ChartIndicators None { get; } = new([], []);

    /// <summary>The link value: canonical texts joined by <see cref="Separator"/> (empty for none).</summary>
    public string Text => string.Join(Separator, Specs.Select(s => s.Text));

    public static ChartIndicators Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var specs = new List<IndicatorSpec>();
        var problems = new List<string>();
        // Read at most twice the maximum, so a hostile link cannot make the page check thousands.
        var parts = text.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > Max * 2)
        {
            problems.Add($"The link names {parts.Length} indicators; only the first {Max * 2} were read.");
        }

        foreach (var part in parts.Take(Max * 2))
        {
            var check = IndicatorSpec.Check(part);
            if (!check.IsValid)
            {
                problems.Add($"{check.Message} It is not shown.");
            }
            else if (specs.Count >= Max)
            {
                problems.Add($"At most {Max} indicators are shown; '{check.Spec!.Text}' is not.");
            }
            else if (!specs.Contains(check.Spec!))
            {
                specs.Add(check.Spec!);
            }
        }

        return new ChartIndicators(specs, problems);
    }

    public ChartIndicators With(IndicatorSpec spec) =>
        Specs.Contains(spec) || Specs.Count >= Max ? this : new([.. Specs, spec], []);

    public ChartIndicators Without(IndicatorSpec spec) => new([.. Specs.Where(s => s != spec)], []);

    /// <summary>Where an indicator is drawn: over the candles, over the volume bars, or in a pane of its own below.</summary>
    public static string PaneOf(IndicatorKind kind) => kind.Name switch
    {
        "rsi" or "macd" or "atr" => "own",
        "volume_sma" => "volume",
        _ => "price",
    };
}
