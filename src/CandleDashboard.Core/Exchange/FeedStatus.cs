namespace CandleDashboard.Core.Exchange;

/// <summary>A snapshot of a trade feed's health.</summary>
/// <param name="State">Current connection state.</param>
/// <param name="ReconnectCount">Connections re-established after a drop since start.</param>
/// <param name="TradesReceived">Trades handed to the sink (duplicates after a reconnect excluded).</param>
/// <param name="MalformedMessages">Frames that could not be parsed; counted, logged and skipped.</param>
/// <param name="LastMessageAt">When the last frame of any kind arrived, or null before the first.</param>
public sealed record FeedStatus(
    FeedState State,
    long ReconnectCount,
    long TradesReceived,
    long MalformedMessages,
    DateTimeOffset? LastMessageAt);
