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

    /// <summary>Our own planned reconnect before the exchange's 24 h limit; reconnects at once.</summary>
    MaxAgeReached,
}
