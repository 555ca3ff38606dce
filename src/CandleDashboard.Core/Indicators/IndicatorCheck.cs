namespace CandleDashboard.Core.Indicators;

/// <summary>
/// The outcome of checking a requested indicator: either <see cref="IsValid"/> with its
/// <see cref="Spec"/>, or the first <see cref="Problem"/> with a message that can be shown to whoever
/// asked (the API answers it as a 400; client text is echoed only through
/// <see cref="Market.InputEcho"/>).
/// </summary>
public sealed record IndicatorCheck(IndicatorSpec? Spec, IndicatorProblem Problem, string Message)
{
    public bool IsValid => Problem == IndicatorProblem.None && Spec is not null;

    internal static IndicatorCheck Valid(IndicatorSpec spec) => new(spec, IndicatorProblem.None, "");

    internal static IndicatorCheck Invalid(IndicatorProblem problem, string message) => new(null, problem, message);
}
