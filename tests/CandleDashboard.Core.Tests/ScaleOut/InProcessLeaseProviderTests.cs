using CandleDashboard.Core.Coordination;

namespace CandleDashboard.Core.Tests.ScaleOut;

public sealed class InProcessLeaseProviderTests
{
    [Fact]
    public async Task A_lease_has_one_holder_until_it_is_released_and_then_another_can_take_it()
    {
        var leases = new InProcessLeaseProvider();

        var first = await leases.TryAcquireAsync("exchange.binance", CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await leases.TryAcquireAsync("exchange.binance", CancellationToken.None));
        await using var other = await leases.TryAcquireAsync("exchange.kraken", CancellationToken.None);
        Assert.NotNull(other);

        var lost = first.Lost;
        await first.DisposeAsync();

        Assert.True(lost.IsCancellationRequested);
        await using var second = await leases.TryAcquireAsync("exchange.binance", CancellationToken.None);
        Assert.NotNull(second);
        Assert.False(second.Lost.IsCancellationRequested);
    }
}
