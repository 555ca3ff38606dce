using CandleDashboard.Core.Exchange;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class FeedStatusTrackerTests
{
    [Fact]
    public void A_new_tracker_is_stopped_with_nothing_counted()
    {
        var status = new FeedStatusTracker(new FakeTimeProvider()).Snapshot();

        Assert.Equal(FeedState.Stopped, status.State);
        Assert.Equal(0, status.ReconnectCount);
        Assert.Equal(0, status.TradesReceived);
        Assert.Equal(0, status.MalformedMessages);
        Assert.Null(status.LastMessageAt);
    }

    [Fact]
    public void Counts_and_state_show_in_the_snapshot()
    {
        var tracker = new FeedStatusTracker(new FakeTimeProvider());

        tracker.SetState(FeedState.Live);
        tracker.CountReconnect();
        tracker.CountTrade();
        tracker.CountTrade();
        tracker.CountTrade();
        tracker.CountMalformed();
        tracker.CountSkipped();
        tracker.CountSkipped();
        tracker.CountDuplicate();

        var status = tracker.Snapshot();
        Assert.Equal(FeedState.Live, status.State);
        Assert.Equal(1, status.ReconnectCount);
        Assert.Equal(3, status.TradesReceived);
        Assert.Equal(1, status.MalformedMessages);
        Assert.Equal(2, tracker.Skipped);
        Assert.Equal(1, tracker.Duplicates);
    }

    [Fact]
    public void The_last_message_time_is_the_wall_time_of_its_timestamp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var tracker = new FeedStatusTracker(time);

        time.Advance(TimeSpan.FromSeconds(1));
        tracker.MarkMessage(time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero), tracker.Snapshot().LastMessageAt);
    }
}
