using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>Drives the chart toolbar's pickers (native selects) the way a trader does: choose an option.</summary>
public static class Toolbar
{
    public static Task ChooseSymbolAsync(IPage page, string symbol) => ChooseAsync(page, "symbol", symbol);

    public static Task ChooseIntervalAsync(IPage page, string interval) => ChooseAsync(page, "interval", interval);

    /// <summary>The picker's current value ("" when it shows "Choose…").</summary>
    public static ILocator Picker(IPage page, string name) => page.GetByTestId($"{name}-picker");

    private static async Task ChooseAsync(IPage page, string name, string value)
    {
        await Picker(page, name).Locator("select").SelectOptionAsync(value);
    }
}
