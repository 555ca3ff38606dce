using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Security;

/// <summary>A proxy setting that does not parse stops startup, naming the setting: a typo must not silently trust nobody (or everybody).</summary>
public sealed class ProxySettingsValidator : IValidateOptions<ProxySettings>
{
    public ValidateOptionsResult Validate(string? name, ProxySettings options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
