namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Bookkeeping of who follows what (a series, an indicator of a series): per connection (for the cap
/// and for cleanup on disconnect) and per key (a reference count, so the server holds one core
/// subscription per key with at least one follower, however many connections share it).
/// </summary>
/// <remarks>
/// One lock guards both maps: subscribe and unsubscribe are rare next to candle traffic, and a
/// single lock keeps the count and the open keys consistent without ordering puzzles.
/// Opening/closing a key happens under the lock too, so a key is never opened twice.
/// </remarks>
public sealed class HubSubscriptionRegistry<TKey>(Func<TKey, IDisposable> open)
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<TKey>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<TKey, (IDisposable Handle, int Followers)> _byKey = [];

    /// <summary>Keys (series, indicators) that have at least one follower (each holds exactly one core subscription).</summary>
    public int OpenSeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _byConnection.Count;
            }
        }
    }

    public SubscriptionAddResult Add(string connectionId, TKey key, int maxPerConnection)
    {
        lock (_gate)
        {
            var followed = _byConnection.GetValueOrDefault(connectionId);
            if (followed?.Contains(key) == true)
            {
                return SubscriptionAddResult.AlreadySubscribed;
            }

            if ((followed?.Count ?? 0) >= maxPerConnection)
            {
                return SubscriptionAddResult.LimitReached;
            }

            // Open before recording anything: if the core refuses, the registry is unchanged.
            if (_byKey.TryGetValue(key, out var entry))
            {
                _byKey[key] = (entry.Handle, entry.Followers + 1);
            }
            else
            {
                _byKey[key] = (open(key), 1);
            }

            if (followed is null)
            {
                followed = [];
                _byConnection[connectionId] = followed;
            }

            followed.Add(key);
            return SubscriptionAddResult.Added;
        }
    }

    /// <summary>Returns false when the connection did not follow the key (unsubscribe is idempotent).</summary>
    public bool Remove(string connectionId, TKey key)
    {
        IDisposable? toClose;
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(connectionId, out var followed) || !followed.Remove(key))
            {
                return false;
            }

            if (followed.Count == 0)
            {
                _byConnection.Remove(connectionId);
            }

            toClose = Release(key);
        }

        toClose?.Dispose();
        return true;
    }

    /// <summary>Drops everything a closed connection followed; returns what it followed.</summary>
    public IReadOnlyCollection<TKey> RemoveConnection(string connectionId)
    {
        var toClose = new List<IDisposable>();
        HashSet<TKey>? followed;
        lock (_gate)
        {
            if (!_byConnection.Remove(connectionId, out followed))
            {
                return [];
            }

            foreach (var key in followed)
            {
                if (Release(key) is { } handle)
                {
                    toClose.Add(handle);
                }
            }
        }

        // Disposed outside the lock: other connections need not wait for the core to unsubscribe.
        foreach (var handle in toClose)
        {
            handle.Dispose();
        }

        return followed;
    }

    /// <summary>Connections following the key now (0 when none).</summary>
    public int FollowersOf(TKey key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var entry) ? entry.Followers : 0;
        }
    }

    /// <summary>True when the handle of any key the connection follows matches (e.g. a broadcaster that is stalling).</summary>
    public bool AnyFollowed(string connectionId, Func<IDisposable, bool> predicate)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var followed)
                && followed.Any(key => predicate(_byKey[key].Handle));
        }
    }

    public int CountFor(string connectionId)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var followed) ? followed.Count : 0;
        }
    }

    /// <summary>Decrements the key's count; returns its handle when the last follower left.</summary>
    private IDisposable? Release(TKey key)
    {
        var entry = _byKey[key];
        if (entry.Followers > 1)
        {
            _byKey[key] = (entry.Handle, entry.Followers - 1);
            return null;
        }

        _byKey.Remove(key);
        return entry.Handle;
    }
}
