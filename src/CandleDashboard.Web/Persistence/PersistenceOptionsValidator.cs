using CandleDashboard.Core.Market;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// Fails startup on a retention mistake: a typo in an interval code would otherwise keep that interval
/// forever without a word, and a zero or negative keep would delete everything.
/// </summary>
public sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        var errors = new List<string>();
        foreach (var (code, keep) in options.Retention)
        {
            if (!Interval.TryParse(code, out _))
            {
                errors.Add($"Persistence:Retention has '{code}', which is not an interval. Supported intervals: {string.Join(", ", Interval.All.Select(i => i.Code))}.");
            }
            else if (keep <= TimeSpan.Zero)
            {
                errors.Add($"Persistence:Retention:{code} is {keep}; it must be positive (e.g. 7.00:00:00 for a week).");
            }
        }

        if (options.RetentionEvery <= TimeSpan.Zero)
        {
            errors.Add($"Persistence:RetentionEvery is {options.RetentionEvery}; it must be positive (e.g. 01:00:00).");
        }

        if (options.RetentionBatchSize < 1)
        {
            errors.Add($"Persistence:RetentionBatchSize is {options.RetentionBatchSize}; it must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
