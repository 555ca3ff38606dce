namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>Why a stream connection ended; decides the wait before the next one.</summary>
internal enum DropReason
{
    /// <summary>Connect failed or the socket errored (network, TLS, handshake, keep-alive).</summary>
    Failed,

    /// <summary>The server sent a close frame (e.g. maintenance, its own 24 h limit).</summary>
    ServerClosed,

    /// <summary>No data for longer than the receive timeout: presumed dead.</summary>
    ReceiveTimeout,

    /// <summary>Planned age reached and no successor could be opened: reconnect at once.</summary>
    MaxAgeReached,

    /// <summary>Planned age reached and a successor connection is live: hand over to it.</summary>
    Recycled,
}
