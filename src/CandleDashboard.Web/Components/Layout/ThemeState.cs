namespace CandleDashboard.Web.Components.Layout;

/// <summary>
/// The theme mode of one browser tab (scoped: one per circuit). The layout sets it from the
/// stored choice or the system setting; the chart listens to redraw its frame in the new colours.
/// </summary>
public sealed class ThemeState
{
    /// <summary>Dark until the browser says otherwise: the first paint of a trading screen should not flash white.</summary>
    public bool IsDark { get; private set; } = true;

    public event Action? Changed;

    public void Set(bool dark)
    {
        if (dark == IsDark)
        {
            return;
        }

        IsDark = dark;
        Changed?.Invoke();
    }
}
