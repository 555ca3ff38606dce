using System.Collections.Concurrent;

namespace CandleDashboard.Core.Coordination;

/// <summary>
/// Leases within one process: the zero-config default, where the app is its only instance and always
/// wins. A lease is lost only by being disposed.
/// </summary>
public sealed class InProcessLeaseProvider : ILeaseProvider
{
    private readonly ConcurrentDictionary<string, Lease> _held = new(StringComparer.Ordinal);

    public ValueTask<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        var lease = new Lease(this, name);
        return ValueTask.FromResult<ILease?>(_held.TryAdd(name, lease) ? lease : null);
    }

    private sealed class Lease(InProcessLeaseProvider owner, string name) : ILease
    {
        private readonly CancellationTokenSource _lost = new();

        public CancellationToken Lost => _lost.Token;

        public ValueTask DisposeAsync()
        {
            // Not disposed: a holder may still read Lost after releasing (a source without timers holds nothing).
            if (owner._held.TryRemove(new KeyValuePair<string, Lease>(name, this)))
            {
                _lost.Cancel();
            }

            return ValueTask.CompletedTask;
        }
    }
}
