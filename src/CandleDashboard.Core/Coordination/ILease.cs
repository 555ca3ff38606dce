namespace CandleDashboard.Core.Coordination;

/// <summary>A held lease (<see cref="ILeaseProvider"/>); disposing it releases the lease at once.</summary>
public interface ILease : IAsyncDisposable
{
    /// <summary>
    /// Cancelled when the lease could not be kept (it expired, was taken, or its store stopped answering).
    /// The holder asks the provider again to learn which: see <see cref="ILeaseProvider.TryAcquireAsync"/>.
    /// </summary>
    CancellationToken Lost { get; }
}
