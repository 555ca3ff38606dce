using System.Collections.Immutable;
using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Indicators;

/// <summary>
/// The identity of an indicator in use: its kind and every parameter's value (defaults filled in).
/// Two specs are equal when they compute the same thing (<c>ema</c>, <c>EMA(20)</c> and
/// <c>ema(period=20)</c> are one spec), so it can key a shared calculator. Its canonical text
/// (<see cref="Text"/>) is <c>ema(20)</c>, <c>bollinger(20,2)</c>, <c>macd(12,26,9)</c>, <c>vwap</c>.
/// </summary>
/// <remarks>
/// Two ways in, with the same rules and messages: text as a person or a URL writes it
/// (<see cref="Check(string?)"/>: <c>ema(21)</c>, <c>bollinger(20, 2.5)</c>, <c>bollinger(k=3)</c>,
/// <c>rsi</c>), and a name with named parameters as an API query carries them
/// (<see cref="Check(string?, IEnumerable{KeyValuePair{string, string?}}?)"/>: <c>name=ema&amp;period=21</c>).
/// Names are case-insensitive; numbers are invariant (<c>2.5</c>, never <c>2,5</c>), without exponents.
/// </remarks>
public sealed class IndicatorSpec : IEquatable<IndicatorSpec>
{
    /// <summary>Longest text <see cref="Check(string?)"/> reads; anything longer is refused unread.</summary>
    public const int MaxTextLength = 100;

    private IndicatorSpec(IndicatorKind kind, ImmutableArray<decimal> values)
    {
        Kind = kind;
        Values = values;
        Text = values.Length == 0 ? kind.Name : $"{kind.Name}({string.Join(",", values.Select(Format))})";
        WarmUpPeriod = kind.Name switch
        {
            // RSI needs N changes, so N + 1 closes.
            "rsi" => (int)values[0] + 1,

            // The signal EMA starts with the slow EMA's first value and needs `signal` of them.
            "macd" => (int)values[1] + (int)values[2] - 1,
            "vwap" or "avwap" => 1,
            _ => (int)values[0],
        };
    }

    public IndicatorKind Kind { get; }

    public string Name => Kind.Name;

    /// <summary>The parameter values, in the order of <see cref="IndicatorKind.Parameters"/>.</summary>
    public ImmutableArray<decimal> Values { get; }

    /// <summary>The canonical text, e.g. <c>ema(21)</c>; <see cref="Check(string?)"/> reads it back to an equal spec.</summary>
    public string Text { get; }

    /// <summary>
    /// Closed candles needed before the first value: N for SMA, EMA, WMA, Bollinger, ATR and the
    /// volume SMA, N + 1 for RSI, slow + signal − 1 for MACD, 1 for the VWAPs (which also need traded
    /// volume). A series seeded with this many candles of history before the first drawn candle draws
    /// a value from that candle on. The exponential kinds (EMA, RSI, ATR, MACD) keep a fading memory of
    /// every candle since the seed, so their value also depends on where the seed started (less and
    /// less: the weight of a candle n back is (1 − α)^n).
    /// </summary>
    public int WarmUpPeriod { get; }

    /// <summary>A parameter's value by name (case-insensitive), e.g. <c>spec["period"]</c>.</summary>
    public decimal this[string parameter]
    {
        get
        {
            for (var i = 0; i < Kind.Parameters.Count; i++)
            {
                if (string.Equals(Kind.Parameters[i].Name, parameter, StringComparison.OrdinalIgnoreCase))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"{Kind.Name} has no parameter '{parameter}'.");
        }
    }

    /// <summary>Checks text such as <c>ema(21)</c>, <c>macd(12,26,9)</c>, <c>bollinger(k=2.5)</c> or <c>vwap</c>.</summary>
    public static IndicatorCheck Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IndicatorCheck.Invalid(IndicatorProblem.MissingName, $"Indicator is required, e.g. ema(21). Available indicators: {IndicatorKind.NameList}.");
        }

        if (text.Length > MaxTextLength)
        {
            return IndicatorCheck.Invalid(IndicatorProblem.Malformed, $"Indicator '{InputEcho.Of(text)}' is longer than {MaxTextLength} characters.");
        }

        var trimmed = text.Trim();
        var open = trimmed.IndexOf('(');
        var name = open < 0 ? trimmed : trimmed[..open].TrimEnd();
        if (open >= 0 && (!trimmed.EndsWith(')') || trimmed.IndexOf('(', open + 1) >= 0 || trimmed.IndexOf(')') != trimmed.Length - 1))
        {
            return IndicatorCheck.Invalid(IndicatorProblem.Malformed, MalformedMessage(text));
        }

        if (!IndicatorKind.TryFind(name, out var kind))
        {
            return name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_')
                ? IndicatorCheck.Invalid(IndicatorProblem.Malformed, MalformedMessage(text))
                : UnknownIndicator(name);
        }

        var arguments = new List<(string? Name, string Value)>();
        if (open >= 0)
        {
            var inside = trimmed[(open + 1)..^1];
            if (inside.Trim().Length > 0)
            {
                foreach (var part in inside.Split(','))
                {
                    var equals = part.IndexOf('=');
                    arguments.Add(equals < 0 ? (null, part.Trim()) : (part[..equals].Trim(), part[(equals + 1)..].Trim()));
                }
            }
        }

        return Bind(kind, arguments);
    }

    /// <summary>
    /// Checks a name with named parameters, as an API query carries them
    /// (<c>name=bollinger&amp;period=20&amp;k=2.5</c>); parameters left out take their defaults.
    /// </summary>
    public static IndicatorCheck Check(string? name, IEnumerable<KeyValuePair<string, string?>>? parameters)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return IndicatorCheck.Invalid(IndicatorProblem.MissingName, $"Indicator name is required, e.g. ema. Available indicators: {IndicatorKind.NameList}.");
        }

        if (!IndicatorKind.TryFind(name, out var kind))
        {
            return UnknownIndicator(name.Trim());
        }

        var arguments = new List<(string? Name, string Value)>();
        foreach (var (key, value) in parameters ?? [])
        {
            arguments.Add((key, value ?? ""));
        }

        return Bind(kind, arguments);
    }

    /// <summary>Reads text as <see cref="Check(string?)"/> does; throws <see cref="FormatException"/> with the check's message.</summary>
    public static IndicatorSpec Parse(string text)
    {
        var check = Check(text);
        return check.Spec ?? throw new FormatException(check.Message);
    }

    /// <summary>A spec from code: values in the order of <see cref="IndicatorKind.Parameters"/>, defaults for those left out.</summary>
    /// <exception cref="ArgumentException">A value is out of range (with the same message a client would get).</exception>
    public static IndicatorSpec Create(IndicatorKind kind, params decimal[] values)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var check = Bind(kind, values.Select(v => ((string?)null, Format(v))).ToList());
        return check.Spec ?? throw new ArgumentException(check.Message, nameof(values));
    }

    public bool Equals(IndicatorSpec? other) =>
        other is not null && ReferenceEquals(Kind, other.Kind) && Values.SequenceEqual(other.Values);

    public override bool Equals(object? obj) => Equals(obj as IndicatorSpec);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind.Name, StringComparer.Ordinal);
        foreach (var value in Values)
        {
            // decimal's hash is by value: 2 and 2.0 hash alike, as they compare equal.
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(IndicatorSpec? left, IndicatorSpec? right) => Equals(left, right);

    public static bool operator !=(IndicatorSpec? left, IndicatorSpec? right) => !Equals(left, right);

    public override string ToString() => Text;

    /// <summary>A number as specs and messages write it: invariant, no trailing zeros (<c>2</c>, <c>2.5</c>).</summary>
    internal static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    private static IndicatorCheck Bind(IndicatorKind kind, List<(string? Name, string Value)> arguments)
    {
        var parameters = kind.Parameters;
        var positional = arguments.Count(a => a.Name is null);
        if (positional > parameters.Count)
        {
            return IndicatorCheck.Invalid(IndicatorProblem.TooManyParameters, parameters.Count == 0
                ? $"{kind.Name} takes no parameters."
                : $"{kind.Name} takes {Plural(parameters.Count, "parameter")} ({ParameterList(kind)}), not {positional}.");
        }

        var values = new decimal?[parameters.Count];
        var next = 0;
        var named = false;
        foreach (var (name, text) in arguments)
        {
            int index;
            if (name is null)
            {
                if (named)
                {
                    return IndicatorCheck.Invalid(IndicatorProblem.Malformed, $"Values without a name must come before named ones: {kind.Name} takes them in the order {ParameterList(kind)}.");
                }

                index = next++;
            }
            else
            {
                named = true;
                index = -1;
                for (var i = 0; i < parameters.Count; i++)
                {
                    if (string.Equals(parameters[i].Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        index = i;
                    }
                }

                if (index < 0)
                {
                    return IndicatorCheck.Invalid(IndicatorProblem.UnknownParameter, parameters.Count == 0
                        ? $"{kind.Name} takes no parameters; '{InputEcho.Of(name)}' is not one."
                        : $"{kind.Name} has no parameter '{InputEcho.Of(name)}'. Its parameters: {ParameterList(kind)}.");
                }
            }

            var parameter = parameters[index];
            if (values[index] is not null)
            {
                return IndicatorCheck.Invalid(IndicatorProblem.UnknownParameter, $"Parameter '{parameter.Name}' of {kind.Name} is given twice.");
            }

            if (!TryReadNumber(text, out var value) || (parameter.IsWholeNumber && value != decimal.Truncate(value)))
            {
                return IndicatorCheck.Invalid(IndicatorProblem.InvalidParameter, $"Parameter '{parameter.Name}' of {kind.Name} must be {parameter.RangeText}; '{InputEcho.Of(text)}' is not.");
            }

            if (value < parameter.Minimum || value > parameter.Maximum)
            {
                return IndicatorCheck.Invalid(IndicatorProblem.ParameterOutOfRange, $"Parameter '{parameter.Name}' of {kind.Name} must be {parameter.RangeText}; {Format(value)} is out of range.");
            }

            values[index] = value;
        }

        var filled = ImmutableArray.CreateRange(values.Select((v, i) => v ?? parameters[i].Default));
        if (ReferenceEquals(kind, IndicatorKind.Macd) && filled[0] >= filled[1])
        {
            return IndicatorCheck.Invalid(IndicatorProblem.InconsistentParameters, $"macd's fast period ({Format(filled[0])}) must be shorter than its slow period ({Format(filled[1])}).");
        }

        return IndicatorCheck.Valid(new IndicatorSpec(kind, filled));
    }

    private static bool TryReadNumber(string text, out decimal value)
    {
        value = 0m;
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 32
            && decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static IndicatorCheck UnknownIndicator(string name) =>
        IndicatorCheck.Invalid(IndicatorProblem.UnknownIndicator, $"Unknown indicator '{InputEcho.Of(name)}'. Available indicators: {IndicatorKind.NameList}.");

    private static string MalformedMessage(string text) =>
        $"Indicator '{InputEcho.Of(text)}' is not valid: expected a name with optional parameters in parentheses, e.g. ema(21), bollinger(20,2) or macd(fast=12,slow=26,signal=9).";

    private static string ParameterList(IndicatorKind kind) => string.Join(", ", kind.Parameters.Select(p => p.Name));

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
