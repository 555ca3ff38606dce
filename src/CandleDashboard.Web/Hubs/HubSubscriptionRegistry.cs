using CandleDashboard.Core.Market;
namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Bookkeeping of who follows which series: per connection (for the cap and for cleanup on
/// disconnect) and per series (a reference count, so the server holds one core subscription per
/// series with at least one follower, however many connections share it).
/// </summary>
/// <remarks>
/// One lock guards both maps: subscribe and unsubscribe are rare next to candle traffic, and a
/// single lock keeps the count and the open series consistent without ordering puzzles.
/// Opening/closing a series happens under the lock too, so a series is never opened twice.
/// </remarks>
public sealed class HubSubscriptionRegistry(Func<Series, IDisposable> openSeries)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<Series>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<Series, (IDisposable Handle, int Followers)> _bySeries = [];

    public enum AddResult
    {
        Added,
        AlreadySubscribed,
        LimitReached,
    }

    /// <summary>Series that have at least one follower (each holds exactly one core subscription).</summary>
    public int OpenSeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _bySeries.Count;
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

    public AddResult Add(string connectionId, Series series, int maxPerConnection)
    {
        lock (_gate)
        {
            var followed = _byConnection.GetValueOrDefault(connectionId);
            if (followed?.Contains(series) == true)
            {
                return AddResult.AlreadySubscribed;
            }

            if ((followed?.Count ?? 0) >= maxPerConnection)
            {
                return AddResult.LimitReached;
            }

            // Open before recording anything: if the core refuses, the registry is unchanged.
            if (_bySeries.TryGetValue(series, out var entry))
            {
                _bySeries[series] = (entry.Handle, entry.Followers + 1);
            }
            else
            {
                _bySeries[series] = (openSeries(series), 1);
            }

            if (followed is null)
            {
                followed = [];
                _byConnection[connectionId] = followed;
            }

            followed.Add(series);
            return AddResult.Added;
        }
    }

    /// <summary>Returns false when the connection did not follow the series (unsubscribe is idempotent).</summary>
    public bool Remove(string connectionId, Series series)
    {
        IDisposable? toClose;
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(connectionId, out var followed) || !followed.Remove(series))
            {
                return false;
            }

            if (followed.Count == 0)
            {
                _byConnection.Remove(connectionId);
            }

            toClose = Release(series);
        }

        toClose?.Dispose();
        return true;
    }

    /// <summary>Drops everything a closed connection followed; returns what it followed.</summary>
    public IReadOnlyCollection<Series> RemoveConnection(string connectionId)
    {
        var toClose = new List<IDisposable>();
        HashSet<Series>? followed;
        lock (_gate)
        {
            if (!_byConnection.Remove(connectionId, out followed))
            {
                return [];
            }

            foreach (var series in followed)
            {
                if (Release(series) is { } handle)
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

    /// <summary>Connections following the series now (0 when none).</summary>
    public int FollowersOf(Series series)
    {
        lock (_gate)
        {
            return _bySeries.TryGetValue(series, out var entry) ? entry.Followers : 0;
        }
    }

    /// <summary>True when the handle of any series the connection follows matches (e.g. a broadcaster that is stalling).</summary>
    public bool AnyFollowed(string connectionId, Func<IDisposable, bool> predicate)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var followed)
                && followed.Any(series => predicate(_bySeries[series].Handle));
        }
    }

    public int CountFor(string connectionId)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var followed) ? followed.Count : 0;
        }
    }

    /// <summary>Decrements the series' count; returns its handle when the last follower left.</summary>
    private IDisposable? Release(Series series)
    {
        var entry = _bySeries[series];
        if (entry.Followers > 1)
        {
            _bySeries[series] = (entry.Handle, entry.Followers - 1);
            return null;
        }

        _bySeries.Remove(series);
        return entry.Handle;
    }
}
