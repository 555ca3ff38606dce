using System.Net.WebSockets;

namespace CandleDashboard.Exchange.Binance.Streaming;

/// <summary>
/// One open stream WebSocket with its cancellation and watchdog. When it reaches its planned age it
/// opens its <see cref="Successor"/> (make before break): the old socket keeps delivering for
/// <see cref="HandOverDelay"/> so that what was already in flight on it is read, then it is ended
/// and the feed carries on with the successor. Trades both sockets carry are dropped by id, so the
/// 24 h recycle loses nothing and repeats nothing.
/// </summary>
internal sealed class StreamConnection : IDisposable
{
    /// <summary>How long both sockets overlap once the successor is up.</summary>
    public static readonly TimeSpan HandOverDelay = TimeSpan.FromSeconds(1);

    private readonly Uri _uri;
    private readonly BinanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _feedToken;
    private readonly CancellationTokenSource _cancellation;
    private readonly ConnectionWatchdog _watchdog;
    private Task<StreamConnection>? _successor;

    private StreamConnection(ClientWebSocket socket, Uri uri, BinanceOptions options, TimeProvider timeProvider, CancellationToken feedToken)
    {
        Socket = socket;
        _uri = uri;
        _options = options;
        _timeProvider = timeProvider;
        _feedToken = feedToken;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(feedToken);
        _watchdog = new ConnectionWatchdog(timeProvider, options.ReceiveTimeout, options.MaxConnectionAge, _cancellation, BeginRecycle);
    }

    public ClientWebSocket Socket { get; }

    /// <summary>Cancelled when the feed stops or the watchdog ends this connection.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Why the watchdog ended this connection, or null.</summary>
    public DropReason? EndReason => _watchdog.Reason;

    /// <summary>The connection opened to replace this one at its planned age, or null before that.</summary>
    public Task<StreamConnection>? Successor => Volatile.Read(ref _successor);

    /// <summary>Connects (bounded by the connect timeout) and starts the watchdog.</summary>
    public static async Task<StreamConnection> OpenAsync(Uri uri, BinanceOptions options, TimeProvider timeProvider, CancellationToken feedToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = options.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
            using var connectTimeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider);
            using var connectToken = CancellationTokenSource.CreateLinkedTokenSource(feedToken, connectTimeout.Token);
            await socket.ConnectAsync(uri, connectToken.Token).ConfigureAwait(false);
            return new StreamConnection(socket, uri, options, timeProvider, feedToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public long MarkActivity() => _watchdog.MarkActivity();

    /// <summary>Runs on the watchdog's timer: open the successor, then end this one after the overlap.</summary>
    private void BeginRecycle()
    {
        var successor = OpenAsync(_uri, _options, _timeProvider, _feedToken);
        Volatile.Write(ref _successor, successor);
        successor.ContinueWith(
            static (task, state) =>
            {
                var self = (StreamConnection)state!;
                if (task.IsCompletedSuccessfully)
                {
                    self._watchdog.EndAfter(DropReason.Recycled, HandOverDelay);
                }
                else
                {
                    self._watchdog.End(DropReason.MaxAgeReached);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Closes this socket; a successor that was opened but never taken over is closed too.</summary>
    public void Dispose() => Dispose(disposeSuccessor: true);

    /// <summary>Closes this socket only: the successor lives on as the feed's connection.</summary>
    public void DisposeKeepingSuccessor() => Dispose(disposeSuccessor: false);

    private void Dispose(bool disposeSuccessor)
    {
        _watchdog.Dispose();
        Socket.Dispose();
        _cancellation.Dispose();
        if (disposeSuccessor && Successor is { } successor)
        {
            successor.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
