using Microsoft.AspNetCore.SignalR.Client;

namespace CandleDashboard.Hub.Tests;

/// <summary>A message as the client got it, with the client's clock at receipt (UTC epoch ms).</summary>
public readonly record struct Received<T>(T Message, long ReceivedAt);

/// <summary>
/// Collects the messages of one client method and completes a wait as soon as its condition holds
/// (no polling, no sleep); a wait past its deadline fails with what was received.
/// </summary>
public sealed class Recorder<T>
{
    private readonly object _gate = new();
    private readonly List<Received<T>> _received = [];
    private readonly List<(Func<IReadOnlyList<Received<T>>, bool> Condition, TaskCompletionSource<IReadOnlyList<Received<T>>> Done)> _waiters = [];
    private readonly string _method;
    private readonly ClientLog _log;

    public Recorder(HubConnection connection, string method, ClientLog log)
    {
        _method = method;
        _log = log;
        connection.On<T>(method, Add);
    }

    public IReadOnlyList<Received<T>> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<T> Messages => [.. Received.Select(r => r.Message)];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Returns every message received so far once <paramref name="condition"/> holds for them.</summary>
    public async Task<IReadOnlyList<Received<T>>> UntilAsync(Func<IReadOnlyList<Received<T>>, bool> condition, TimeSpan deadline, string what)
    {
        // Continuations run off the client's receive loop, so a test never runs under the lock.
        var done = new TaskCompletionSource<IReadOnlyList<Received<T>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            IReadOnlyList<Received<T>> now = [.. _received];
            if (condition(now))
            {
                return now;
            }

            _waiters.Add((condition, done));
        }

        try
        {
            return await done.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw new TimeoutException($"Timed out after {deadline.TotalSeconds:0} s waiting for {what}; got {Count} '{_method}' messages{_log.Describe()}");
        }
    }

    public Task<IReadOnlyList<Received<T>>> UntilCountAsync(int count, TimeSpan deadline, string what) =>
        UntilAsync(m => m.Count >= count, deadline, what);

    private void Add(T message)
    {
        var received = new Received<T>(message, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        lock (_gate)
        {
            _received.Add(received);
            if (_waiters.Count == 0)
            {
                return;
            }

            IReadOnlyList<Received<T>> now = [.. _received];
            foreach (var waiter in _waiters.Where(w => w.Condition(now)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(now);
            }
        }
    }
}
