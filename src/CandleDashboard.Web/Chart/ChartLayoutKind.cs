namespace CandleDashboard.Web.Chart;

/// <summary>How many charts a page shows and how they sit: its code is the link's <c>?layout=</c>.</summary>
public enum ChartLayoutKind
{
    /// <summary>One chart (<c>1</c>, the default).</summary>
    Single,

    /// <summary>Two charts side by side (<c>2h</c>).</summary>
    SideBySide,

    /// <summary>Two charts stacked (<c>2v</c>).</summary>
    Stacked,

    /// <summary>Four charts, 2 × 2 (<c>4</c>).</summary>
    Grid,
}
