namespace CandleDashboard.Web.Components.Layout;

/// <summary>
/// The theme mode of one browser tab (scoped: one per circuit, or per request for static pages).
/// It starts from <see cref="ThemePreference"/> when the request said; the layout settles it from
/// the browser otherwise, and the toggle changes it. The chart listens to recolour its frame.
/// </summary>
public sealed class ThemeState
{
    /// <summary>Dark until the browser says otherwise: the first paint of a trading screen should not flash white.</summary>
    public bool IsDark { get; private set; } = true;

    /// <summary>True once the mode came from the trader's choice or the browser, not the default.</summary>
    public bool IsKnown { get; private set; }

    public event Action? Changed;

    /// <summary>The mode the page request carried ("dark", "light" or null); before the first render only.</summary>
    public void Start(string? mode)
    {
        if (mode is not null)
        {
            IsDark = mode == "dark";
            IsKnown = true;
        }
    }

    public void Set(bool dark)
    {
        IsKnown = true;
        if (dark == IsDark)
        {
            return;
        }

        IsDark = dark;
        Changed?.Invoke();
    }
}
