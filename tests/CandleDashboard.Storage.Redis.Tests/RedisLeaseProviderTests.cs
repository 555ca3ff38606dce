using System.Diagnostics;
using CandleDashboard.Core.Coordination;
using CandleDashboard.Storage.Redis.Tests.Infrastructure;
using CandleDashboard.Tests.Shared.Servers;

namespace CandleDashboard.Storage.Redis.Tests;

/// <summary>Leases in a real redis-server, held by two "instances" (independent connections).</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLeaseProviderTests(RedisFixture redis)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task One_instance_holds_a_lease_and_another_takes_it_at_once_when_it_is_released()
    {
        await using var other = await redis.ConnectAnotherAsync();
        var a = new RedisLeaseProvider(redis.Connection, Duration);
        var b = new RedisLeaseProvider(other.Connection, Duration);
        var name = NewName();

        var held = await a.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await b.TryAcquireAsync(name, CancellationToken.None));
        Assert.True(await redis.Db.KeyExistsAsync(RedisKeys.Lease(name)));

        // Held past several lease durations: the holder renews it.
        await Task.Delay(Duration * 2); // a lease that was not renewed would have expired by now
        Assert.False(held.Lost.IsCancellationRequested);
        Assert.Null(await b.TryAcquireAsync(name, CancellationToken.None));

        await held.DisposeAsync();
        await using var taken = await b.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task A_holder_that_dies_without_releasing_loses_the_lease_within_its_duration()
    {
        var name = NewName();
        var dying = await redis.ConnectAnotherAsync();
        var lease = await new RedisLeaseProvider(dying.Connection, Duration).TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(lease);
        var b = new RedisLeaseProvider(redis.Connection, Duration);

        // The process dies: its connection goes, the lease is never released or renewed.
        await dying.DisposeAsync();
        var died = Stopwatch.StartNew();
        Assert.Null(await b.TryAcquireAsync(name, CancellationToken.None));
        ILease? taken = null;
        while (taken is null && died.Elapsed < Duration * 3)
        {
            taken = await b.TryAcquireAsync(name, CancellationToken.None);
            if (taken is null)
            {
                await Task.Delay(50); // poll interval while the dead holder's lease runs out
            }
        }

        Assert.NotNull(taken);
        Assert.InRange(died.Elapsed, Duration / 2, Duration + TimeSpan.FromSeconds(1));
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task A_lease_whose_key_vanishes_as_when_redis_restarts_empty_is_reported_lost()
    {
        var name = NewName();
        await using var lease = await new RedisLeaseProvider(redis.Connection, Duration).TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(lease);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = lease.Lost.Register(lost.SetResult);

        await redis.Db.KeyDeleteAsync(RedisKeys.Lease(name));

        // Noticed at the next renewal (every third of the duration).
        await lost.Task.WaitAsync(Duration * 2);
    }

    [Fact]
    public async Task Asking_for_a_lease_while_redis_is_unreachable_throws_rather_than_answering_no()
    {
        // A server that is started and stopped again: its port refuses connections.
        var gone = await RedisServer.StartAsync();
        var connection = await RedisConnector.ConnectAsync(gone.EndPoint);
        await gone.DisposeAsync();
        try
        {
            var leases = new RedisLeaseProvider(connection, Duration);
            await Assert.ThrowsAnyAsync<Exception>(async () => await leases.TryAcquireAsync(NewName(), CancellationToken.None));
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("exchange:binance")]
    [InlineData("a b")]
    [InlineData("*")]
    public void Lease_names_that_could_reach_another_key_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => RedisKeys.Lease(name));

    private static string NewName() => $"test.{Guid.NewGuid():N}";
}
