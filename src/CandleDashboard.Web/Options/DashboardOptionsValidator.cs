using CandleDashboard.Core.Market;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Options;

/// <summary>
/// Fails startup with one readable message per mistake (a typo in appsettings should not surface
/// later as a broken chart).
/// </summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var errors = new List<string>();
        foreach (var symbol in options.Symbols)
        {
            if (!Symbols.TryNormalize(symbol, out _))
            {
                errors.Add($"Dashboard:Symbols contains '{symbol}', which is not a valid symbol (2-20 letters or digits, e.g. BTCUSDT).");
            }
        }

        foreach (var code in options.Intervals)
        {
            if (!Interval.TryParse(code, out _))
            {
                errors.Add($"Dashboard:Intervals contains '{code}'. Supported intervals: {string.Join(", ", Interval.All.Select(i => i.Code))}.");
            }
        }

        if (options.HistoryCandles is < 1 or > 1000)
        {
            errors.Add($"Dashboard:HistoryCandles is {options.HistoryCandles}; use 1 to 1000.");
        }

        if (options.StaleAfter <= TimeSpan.Zero)
        {
            errors.Add("Dashboard:StaleAfter must be positive (e.g. 00:00:10).");
        }

        if (!string.IsNullOrWhiteSpace(options.DefaultInterval) && !Interval.TryParse(options.DefaultInterval, out _))
        {
            errors.Add($"Dashboard:DefaultInterval '{options.DefaultInterval}' is not a supported interval.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
