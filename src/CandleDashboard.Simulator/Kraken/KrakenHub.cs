using System.Collections.Concurrent;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The v2 connections and who listens to which pair's <c>trade</c> channel. Joining (ack, snapshot,
/// registration) and broadcasting both happen under the pair's lock, so the snapshot ends exactly where the
/// updates begin. Each update is encoded once and the same bytes queued to every subscriber. Subscribed
/// connections get <c>{"channel":"heartbeat"}</c> every second.
/// </summary>
internal sealed class KrakenHub
{
    public const int SnapshotTrades = 50;

    private readonly ConcurrentDictionary<KrakenSession, byte> _sessions = new();
    private readonly ConcurrentDictionary<KrakenPair, KrakenSession[]> _subscribers = new();
    private long _nextConnectionId = 1;

    public int ConnectionCount => _sessions.Count;

    public ICollection<KrakenSession> Sessions => _sessions.Keys;

    public long Register(KrakenSession session)
    {
        _sessions.TryAdd(session, 0);
        return Interlocked.Increment(ref _nextConnectionId);
    }

    public void Unregister(KrakenSession session)
    {
        _sessions.TryRemove(session, out _);
        foreach (var pair in _subscribers.Keys)
        {
            Unsubscribe(session, pair);
        }
    }

    /// <summary>Queues the ack and (if asked) the snapshot of the newest 50 trades, then adds the session, atomically with the tape.</summary>
    public void Subscribe(KrakenSession session, KrakenPair pair, byte[] ack, bool snapshot)
    {
        lock (pair.Gate)
        {
            session.Enqueue(ack);
            if (snapshot)
            {
                session.Enqueue(KrakenFrames.Trades("snapshot", pair.Profile.WsSymbol, pair.Newest(SnapshotTrades)));
            }

            _subscribers.AddOrUpdate(pair, _ => [session], (_, list) => list.Contains(session) ? list : [.. list, session]);
        }
    }

    public void Unsubscribe(KrakenSession session, KrakenPair pair)
    {
        lock (pair.Gate)
        {
            if (_subscribers.TryGetValue(pair, out var list) && list.Contains(session))
            {
                _subscribers[pair] = list.Where(s => s != session).ToArray();
            }
        }
    }

    /// <summary>Called by the tape under the pair's lock.</summary>
    public void Broadcast(KrakenPair pair, in KrakenTrade trade)
    {
        if (!_subscribers.TryGetValue(pair, out var list) || list.Length == 0)
        {
            return;
        }

        var frame = KrakenFrames.Trades("update", pair.Profile.WsSymbol, [trade]);
        foreach (var session in list)
        {
            session.Enqueue(frame);
        }
    }

    public async Task RunHeartbeatsAsync(TimeProvider timeProvider, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var session in _sessions.Keys)
                {
                    if (session.SubscriptionCount > 0)
                    {
                        session.Enqueue(KrakenFrames.Heartbeat);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
