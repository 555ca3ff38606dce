using CandleDashboard.Core.Coordination;
using Medallion.Threading.Redis;
using StackExchange.Redis;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// <see cref="ILeaseProvider"/> over Redis locks with expiry (DistributedLock.Redis): the holder renews its
/// lease in the background, and a holder that dies stops renewing, so its lease ends within
/// <see cref="Duration"/> and another instance takes it. Keys: <see cref="RedisKeys.Lease"/>.
/// </summary>
public sealed class RedisLeaseProvider : ILeaseProvider
{
    private readonly IConnectionMultiplexer _connection;

    /// <param name="duration">How long a lease outlives its holder's last renewal; renewed every third of it.</param>
    public RedisLeaseProvider(IConnectionMultiplexer connection, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromSeconds(1));
        _connection = connection;
        Duration = duration;
    }

    public TimeSpan Duration { get; }

    public async ValueTask<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var redisLock = new RedisDistributedLock(
            RedisKeys.Lease(name),
            _connection.GetDatabase(),
            o => o.Expiry(Duration).ExtensionCadence(Duration / 3).MinValidityTime(Duration / 2));
        // Zero timeout: one attempt. A refused connection throws (RedisConnectionException), as the contract asks.
        var handle = await redisLock.TryAcquireAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return handle is null ? null : new Lease(handle);
    }

    private sealed class Lease(RedisDistributedLockHandle handle) : ILease
    {
        public CancellationToken Lost => handle.HandleLostToken;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}
