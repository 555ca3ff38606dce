using CandleDashboard.Web.Security;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// A cap on open connections per client address key (<see cref="ClientPartitionKey"/>): a slot is
/// taken when a connection opens and given back when it closes. Thread-safe; keys with no open
/// connection are removed, so the map holds only addresses connected now.
/// </summary>
public sealed class AddressCap(int max, string refusal)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Max { get; } = max;

    /// <summary>What a refused client is told.</summary>
    public string Refusal { get; } = refusal;

    /// <summary>Takes a slot unless the key already holds <see cref="Max"/>.</summary>
    public bool TryAcquire(string key)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(key);
            if (open >= Max)
            {
                return false;
            }

            _open[key] = open + 1;
            return true;
        }
    }

    public void Release(string key)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var open))
            {
                return;
            }

            if (open <= 1)
            {
                _open.Remove(key);
            }
            else
            {
                _open[key] = open - 1;
            }
        }
    }

    public int CountOf(string key)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(key);
        }
    }

    public bool IsFull(string key) => CountOf(key) >= Max;
}
