namespace CandleDashboard.Web.Admin.Status;

/// <summary>Why a row needs an operator's eye; the page marks it with a CSS class and a data-testid.</summary>
public enum Attention
{
    None,
    Loading,
    NotFull,
    Degraded,
    StaleFeed,
    FeedDown,
    FetcherError,
}

public static class AttentionText
{
    /// <summary>The kebab-case token used in CSS classes and data-testid values.</summary>
    public static string Token(this Attention attention) => attention switch
    {
        Attention.None => "ok",
        Attention.Loading => "loading",
        Attention.NotFull => "not-full",
        Attention.Degraded => "degraded",
        Attention.StaleFeed => "stale-feed",
        Attention.FeedDown => "feed-down",
        Attention.FetcherError => "fetcher-error",
        _ => "unknown",
    };

    /// <summary>Loading is expected at startup: shown, but not counted as a problem.</summary>
    public static bool IsProblem(this Attention attention) => attention is not (Attention.None or Attention.Loading);
}
