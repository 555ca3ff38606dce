namespace CandleDashboard.Core.Indicators;

/// <summary>What is wrong with a requested indicator; the first problem found only.</summary>
public enum IndicatorProblem
{
    None,

    /// <summary>No indicator named at all.</summary>
    MissingName,

    /// <summary>Not one of <see cref="IndicatorKind.All"/>.</summary>
    UnknownIndicator,

    /// <summary>Not of the form <c>name</c> or <c>name(value, …)</c> / <c>name(parameter=value, …)</c>.</summary>
    Malformed,

    /// <summary>A parameter the indicator does not have, or one given twice.</summary>
    UnknownParameter,

    /// <summary>More values than the indicator has parameters.</summary>
    TooManyParameters,

    /// <summary>Not a number, or a fraction where a whole number is needed.</summary>
    InvalidParameter,

    /// <summary>A number outside the parameter's range.</summary>
    ParameterOutOfRange,

    /// <summary>Each value is in range but together they make no sense (MACD's fast period not shorter than its slow one).</summary>
    InconsistentParameters,
}
