namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>What one WebSocket v2 text message from Kraken turned out to be.</summary>
public enum KrakenMessageKind
{
    /// <summary>The <c>trade</c> channel: a snapshot (the last 50 trades, on subscribing) or an update.</summary>
    Trades,

    /// <summary>The <c>heartbeat</c> channel: about one a second while subscribed; proves the connection lives.</summary>
    Heartbeat,

    /// <summary>The <c>status</c> channel: the engine's state (online, maintenance, cancel_only, …).</summary>
    Status,

    /// <summary>Answer to our subscribe request for one symbol (<see cref="KrakenMessage.Success"/> says how it went).</summary>
    SubscribeAck,

    /// <summary>Answer to an unsubscribe request.</summary>
    UnsubscribeAck,

    /// <summary>Answer to our application ping.</summary>
    Pong,

    /// <summary>An error not tied to a request we know (<c>{"error":"…","method":"error"}</c> and the like).</summary>
    Error,

    /// <summary>Well-formed but not for us: another channel or method, or a symbol we did not subscribe.</summary>
    Skipped,

    /// <summary>Not valid JSON, not an object, or a trade message with unusable fields.</summary>
    Malformed,
}
