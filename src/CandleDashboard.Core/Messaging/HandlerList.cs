namespace CandleDashboard.Core.Messaging;

/// <summary>
/// A thread-safe list of message handlers for buses: subscribe returns a handle that removes the
/// handler; one throwing handler does not stop the others.
/// </summary>
public sealed class HandlerList<T>
{
    private readonly object _sync = new();
    private Action<T>[] _handlers = [];

    /// <summary>Raised with the message and the exception when a handler throws, so the owner can log what failed.</summary>
    public event Action<T, Exception>? HandlerFailed;

    public IDisposable Add(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_sync)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Handle(this, handler);
    }

    public void Invoke(T message)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(message);
            }
            catch (Exception ex)
            {
                HandlerFailed?.Invoke(message, ex);
            }
        }
    }

    private void Remove(Action<T> handler)
    {
        lock (_sync)
        {
            var index = Array.IndexOf(_handlers, handler);
            if (index >= 0)
            {
                _handlers = [.. _handlers[..index], .. _handlers[(index + 1)..]];
            }
        }
    }

    private sealed class Handle(HandlerList<T> owner, Action<T> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(handler);
            }
        }
    }
}
