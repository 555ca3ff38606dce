using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.ScaleOut;

/// <summary>Refuses lease timings that could not elect a leader reliably; startup names each setting that is wrong.</summary>
public sealed class ScaleOutOptionsValidator : IValidateOptions<ScaleOutOptions>
{
    public ValidateOptionsResult Validate(string? name, ScaleOutOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
