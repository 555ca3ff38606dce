namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// One stream (e.g. <c>btcusdt@trade</c>) and the connections subscribed to it. The subscriber list is an
/// immutable array replaced on change, so the broadcast path reads it without a lock.
/// </summary>
internal sealed class StreamTopic(StreamName name)
{
    private readonly object _gate = new();
    private volatile ClientConnection[] _subscribers = [];

    public StreamName Name { get; } = name;

    /// <summary><c>{"stream":"btcusdt@trade","data":</c> as UTF-8, prepended to each event for combined-stream clients.</summary>
    public byte[] CombinedPrefix { get; } = TradeFrameEncoder.CombinedPrefix(name.ToString());

    public ClientConnection[] Subscribers => _subscribers;

    public void Add(ClientConnection connection)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_subscribers, connection) < 0)
            {
                _subscribers = [.. _subscribers, connection];
            }
        }
    }

    public void Remove(ClientConnection connection)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_subscribers, connection) >= 0)
            {
                _subscribers = _subscribers.Where(c => c != connection).ToArray();
            }
        }
    }
}
