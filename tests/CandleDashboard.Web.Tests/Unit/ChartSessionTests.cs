using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ChartSessionTests
{
    private sealed class CountingSubscription : IDisposable
    {
        public int Disposals;

        public void Dispose() => Interlocked.Increment(ref Disposals);
    }

    [Fact]
    public void Dispose_unsubscribes_once_and_cancels_the_load()
    {
        var subscription = new CountingSubscription();
        var session = new ChartSession(TestVenue.Create(), "BTCUSDT", Interval.OneMinute, 1000);
        session.Attach(subscription);
        var token = session.Cancellation;

        session.Dispose();
        session.Dispose();

        Assert.Equal(1, subscription.Disposals);
        Assert.True(token.IsCancellationRequested);
        Assert.True(session.IsDisposed);
    }

    [Fact]
    public void Dispose_releases_every_attached_subscription()
    {
        var live = new CountingSubscription();
        var dataUpdated = new CountingSubscription();
        var session = new ChartSession(TestVenue.Create(), "BTCUSDT", Interval.OneMinute, 1000);
        session.Attach(live);
        session.Attach(dataUpdated);

        session.Dispose();

        Assert.Equal(1, live.Disposals);
        Assert.Equal(1, dataUpdated.Disposals);
    }

    [Fact]
    public void A_subscription_attached_after_dispose_is_released_at_once()
    {
        var session = new ChartSession(TestVenue.Create(), "BTCUSDT", Interval.OneMinute, 1000);
        session.Dispose();
        var late = new CountingSubscription();

        session.Attach(late);

        Assert.Equal(1, late.Disposals);
    }

    [Fact]
    public void Updates_are_held_until_the_chart_is_drawn()
    {
        var session = new ChartSession(TestVenue.Create(), "BTCUSDT", Interval.OneMinute, 1000);
        Assert.False(session.Pending.Offer(TestCandles.At(0)));
    }
}
