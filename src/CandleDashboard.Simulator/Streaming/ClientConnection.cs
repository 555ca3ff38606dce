using System.Net.WebSockets;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// One Binance stream client: its subscriptions and whether it wants the combined envelope. The receive loop
/// answers SUBSCRIBE-style requests (<see cref="StreamRequestHandler"/>); the socket plumbing is
/// <see cref="WebSocketSession"/>'s.
/// </summary>
internal sealed class ClientConnection : WebSocketSession
{
    private readonly StreamHub _hub;
    private readonly List<StreamName> _subscriptions = [];
    private IEnumerable<StreamName> _initialStreams = [];

    public ClientConnection(WebSocket socket, StreamHub hub, bool isCombined, int maxPendingFrames)
        : base(socket, maxPendingFrames)
    {
        _hub = hub;
        IsCombined = isCombined;
    }

    /// <summary>Combined clients (<c>/stream</c>, or SET_PROPERTY combined) get the <c>{"stream":…,"data":…}</c> envelope.</summary>
    public bool IsCombined { get; set; }

    public IReadOnlyList<StreamName> Subscriptions
    {
        get
        {
            lock (_subscriptions)
            {
                return [.. _subscriptions];
            }
        }
    }

    public void Subscribe(StreamName stream)
    {
        lock (_subscriptions)
        {
            if (_subscriptions.Contains(stream))
            {
                return;
            }

            _subscriptions.Add(stream);
        }

        _hub.Subscribe(this, stream);
    }

    public void Unsubscribe(StreamName stream)
    {
        lock (_subscriptions)
        {
            _subscriptions.Remove(stream);
        }

        _hub.Unsubscribe(this, stream);
    }

    public Task RunAsync(IEnumerable<StreamName> initialStreams, TimeSpan maxLifetime, TimeProvider timeProvider, CancellationToken stopping)
    {
        _initialStreams = initialStreams;
        return RunSessionAsync(maxLifetime, timeProvider, stopping);
    }

    protected override void OnOpened()
    {
        _hub.Register(this);
        foreach (var stream in _initialStreams)
        {
            Subscribe(stream);
        }
    }

    protected override byte[]? Handle(ReadOnlySpan<byte> request) => StreamRequestHandler.Handle(this, request);

    protected override void OnClosed() => _hub.Unregister(this);
}
