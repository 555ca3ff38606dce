namespace CandleDashboard.Core.Coordination;

/// <summary>
/// Exclusive, expiring leases by name, shared by every app instance that uses the same provider: the way
/// several instances agree which one holds an exchange's connection and runs its fetcher.
/// </summary>
public interface ILeaseProvider
{
    /// <summary>
    /// Tries once, without waiting, to take the lease <paramref name="name"/>. Returns null when another holder
    /// has it. Throws when the provider cannot tell (its store is unreachable): the caller then keeps the role
    /// it had, because no other instance can take the lease from that store either.
    /// </summary>
    ValueTask<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}
