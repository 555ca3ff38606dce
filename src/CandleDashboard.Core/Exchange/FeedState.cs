namespace CandleDashboard.Core.Exchange;

/// <summary>Connection state of a live trade feed, as shown to traders and operators.</summary>
public enum FeedState
{
    /// <summary>First connection attempt in progress.</summary>
    Connecting,

    /// <summary>Connected and subscribed; trades flow.</summary>
    Live,

    /// <summary>The connection dropped; waiting for the backoff before the next attempt.</summary>
    Reconnecting,

    /// <summary>The feed was stopped (application shutdown).</summary>
    Stopped,
}
