namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>Why a WebSocket connection ended.</summary>
internal enum DropReason
{
    /// <summary>Connect failed or the socket errored (network, TLS, handshake, keep-alive).</summary>
    Failed,

    /// <summary>The server sent a close frame (maintenance, a restart).</summary>
    ServerClosed,

    /// <summary>No message (not even a heartbeat) for longer than the receive timeout: presumed dead.</summary>
    ReceiveTimeout,
}
