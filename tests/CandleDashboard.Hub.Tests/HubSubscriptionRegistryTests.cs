using CandleDashboard.Core.Market;
using CandleDashboard.Web.Hubs;


namespace CandleDashboard.Hub.Tests;

public sealed class HubSubscriptionRegistryTests
{
    private static readonly Series Btc15s = new("BTCUSDT", Interval.FifteenSeconds);
    private static readonly Series Eth1m = new("ETHUSDT", Interval.OneMinute);

    private readonly List<Handle> _opened = [];
    private readonly HubSubscriptionRegistry<Series> _registry;

    public HubSubscriptionRegistryTests() =>
        _registry = new HubSubscriptionRegistry<Series>(series =>
        {
            var handle = new Handle(series);
            _opened.Add(handle);
            return handle;
        });

    [Fact]
    public void Many_connections_on_one_series_open_it_once_and_the_last_to_leave_closes_it()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(SubscriptionAddResult.Added, _registry.Add($"c{i}", Btc15s, 20));
        }

        Assert.Single(_opened);
        Assert.Equal(1, _registry.OpenSeriesCount);

        for (var i = 0; i < 99; i++)
        {
            Assert.True(_registry.Remove($"c{i}", Btc15s));
        }

        Assert.False(_opened[0].Disposed);
        Assert.True(_registry.Remove("c99", Btc15s));
        Assert.True(_opened[0].Disposed);
        Assert.Equal(0, _registry.OpenSeriesCount);
        Assert.Equal(0, _registry.ConnectionCount);
    }

    [Fact]
    public void Disconnect_releases_every_series_of_the_connection_only()
    {
        _registry.Add("a", Btc15s, 20);
        _registry.Add("a", Eth1m, 20);
        _registry.Add("b", Btc15s, 20);

        var released = _registry.RemoveConnection("a");

        Assert.Equal([Btc15s, Eth1m], released.OrderBy(s => s.Symbol));
        Assert.False(_opened.Single(h => h.Series == Btc15s).Disposed, "b still follows BTCUSDT 15s");
        Assert.True(_opened.Single(h => h.Series == Eth1m).Disposed);
        Assert.Equal(1, _registry.OpenSeriesCount);
        Assert.Empty(_registry.RemoveConnection("a"));
    }

    [Fact]
    public void The_cap_counts_distinct_series_and_a_freed_slot_can_be_reused()
    {
        Assert.Equal(SubscriptionAddResult.Added, _registry.Add("a", Btc15s, 1));
        Assert.Equal(SubscriptionAddResult.AlreadySubscribed, _registry.Add("a", Btc15s, 1));
        Assert.Equal(SubscriptionAddResult.LimitReached, _registry.Add("a", Eth1m, 1));
        Assert.Single(_opened);

        _registry.Remove("a", Btc15s);
        Assert.Equal(SubscriptionAddResult.Added, _registry.Add("a", Eth1m, 1));
        Assert.Equal(1, _registry.CountFor("a"));
    }

    [Fact]
    public void Removing_what_was_never_followed_changes_nothing()
    {
        _registry.Add("a", Btc15s, 20);
        Assert.False(_registry.Remove("a", Eth1m));
        Assert.False(_registry.Remove("b", Btc15s));
        Assert.Equal(1, _registry.OpenSeriesCount);
        Assert.Equal(1, _registry.CountFor("a"));
    }

    [Fact]
    public void A_core_that_refuses_to_open_leaves_nothing_recorded()
    {
        var registry = new HubSubscriptionRegistry<Series>(_ => throw new InvalidOperationException("no such series"));
        Assert.Throws<InvalidOperationException>(() => registry.Add("a", Btc15s, 20));
        Assert.Equal(0, registry.CountFor("a"));
        Assert.Equal(0, registry.OpenSeriesCount);
        Assert.Equal(0, registry.ConnectionCount);
    }

    private sealed class Handle(Series series) : IDisposable
    {
        public Series Series { get; } = series;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
