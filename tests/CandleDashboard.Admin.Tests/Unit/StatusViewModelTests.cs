using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Admin.Status;
using CandleDashboard.Web.Persistence;

namespace CandleDashboard.Admin.Tests.Unit;

public sealed class StatusViewModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Store_integrity_says_what_the_reconciler_found_and_what_lay_beyond_the_horizon()
    {
        var series = new Core.Storage.SeriesKey("binance", "BTCUSDT", Interval.OneMinute);
        var repaired = new ReconcileStatus(series, Now.AddSeconds(-20), 3, 1, 2, 0, null) { TotalRepaired = 5 };
        var partial = repaired with { Unrepaired = 1 };
        var skipped = new SkippedRange(series, 1_767_225_600_000, 1_767_225_600_000 + (59 * 60_000), 60);

        Assert.Equal(("20 s ago", "3 found: 1 copied, 2 refetched, 0 not available", false), Describe(SeriesIntegrity.From(repaired, null, Now)));
        Assert.True(SeriesIntegrity.From(partial, null, Now).HasUnrepaired);
        Assert.Equal("none (5 repaired since start)", SeriesIntegrity.From(repaired with { Holes = 0 }, null, Now).Holes);
        Assert.Equal("check failed: redis is down", SeriesIntegrity.From(repaired with { LastError = "redis is down" }, null, Now).Holes);
        Assert.Equal("60 skipped (2026-01-01 00:00 – 2026-01-01 00:59 UTC)", SeriesIntegrity.From(null, skipped, Now).BeyondHorizon);
        Assert.Equal("not yet", SeriesIntegrity.From(null, null, Now).ReconciledAgo);

        static (string, string, bool) Describe(SeriesIntegrity i) => (i.ReconciledAgo, i.Holes, i.HasUnrepaired);
    }

    [Theory]
    [InlineData(100, BufferState.Ready, Attention.None)]
    [InlineData(99, BufferState.Ready, Attention.NotFull)]
    [InlineData(0, BufferState.Loading, Attention.Loading)]
    [InlineData(100, BufferState.Degraded, Attention.Degraded)]
    public void Buffer_attention_follows_state_and_fill(int count, BufferState state, Attention expected)
    {
        var row = BufferRow.From(Status(count, state), Now);

        Assert.Equal(expected, row.Attention);
        Assert.Equal(count == 100, row.IsFull);
        Assert.Equal(count, row.FillPercent, 3);
    }

    [Fact]
    public void Buffer_row_shows_relative_and_source()
    {
        var row = BufferRow.From(Status(100, BufferState.Ready) with { LastUpdated = Now.AddSeconds(-75), LoadedFrom = "redis" }, Now);

        Assert.Equal("1 min 15 s ago", row.LastUpdatedAgo);
        Assert.Equal("redis", row.LoadedFrom);
        Assert.Equal("BTCUSDT-1m", row.Key);
        Assert.Equal("—", BufferRow.From(Status(0, BufferState.Loading), Now).LoadedFrom);
    }

    [Fact]
    public void Trade_rate_is_the_counter_delta_over_elapsed_time()
    {
        var meter = new TradeRateMeter();

        Assert.Null(meter.Sample("BTCUSDT", 100, Now));
        Assert.Equal(40.0, meter.Sample("BTCUSDT", 140, Now.AddSeconds(1)));
        Assert.Equal(40.0, meter.Sample("BTCUSDT", 141, Now.AddSeconds(1.05))!.Value, 6); // too soon: previous rate kept
        Assert.Equal(5.0, meter.Sample("BTCUSDT", 150, Now.AddSeconds(3)));
        Assert.Null(meter.Sample("BTCUSDT", 3, Now.AddSeconds(4))); // counter went back: no negative rate
        Assert.Null(meter.Sample("ETHUSDT", 7, Now.AddSeconds(4)));
    }

    [Fact]
    public void Feed_row_is_stale_after_the_threshold_and_down_when_not_live()
    {
        var fresh = new SymbolActivity(10, 1, 2, Now.AddSeconds(-3).ToUnixTimeMilliseconds(), 101.5m);
        var old = fresh with { LastTradeTime = Now.AddSeconds(-30).ToUnixTimeMilliseconds() };
        var stale = TimeSpan.FromSeconds(10);

        var ok = SymbolFeedRow.From("BTCUSDT", FeedState.Live, fresh, 12.5, Now, stale);
        Assert.Equal(Attention.None, ok.Attention);
        Assert.Equal("3 s ago", ok.LastTradeAgo);
        Assert.Equal("12.5", ok.RateText);
        Assert.Equal(2, ok.RejectedTrades);

        Assert.Equal(Attention.StaleFeed, SymbolFeedRow.From("BTCUSDT", FeedState.Live, old, 0, Now, stale).Attention);
        Assert.Equal(Attention.StaleFeed, SymbolFeedRow.From("BTCUSDT", FeedState.Live, null, null, Now, stale).Attention);
        Assert.Equal(Attention.FeedDown, SymbolFeedRow.From("BTCUSDT", FeedState.Reconnecting, fresh, 1, Now, stale).Attention);
        Assert.Equal("no trade yet", SymbolFeedRow.From("BTCUSDT", FeedState.Live, null, null, Now, stale).LastTradeAgo);
    }

    [Fact]
    public void Fetcher_error_needs_attention()
    {
        var status = new FetcherStatus(Now.AddSeconds(-5), 32, 1000, Now.AddSeconds(10), null);

        var ok = FetcherView.From(status, enabled: true, Now);
        Assert.Equal(Attention.None, ok.Attention);
        Assert.Equal("5 s ago", ok.LastRunAgo);
        Assert.Equal("in 10 s", ok.NextRunIn);

        Assert.Equal(Attention.FetcherError, FetcherView.From(status with { LastError = "HTTP 429" }, true, Now).Attention);
    }

    [Fact]
    public void Snapshot_orders_buffers_by_symbol_then_interval_length_and_counts_problems()
    {
        var builder = new AdminSnapshotBuilder(TimeSpan.FromSeconds(10));
        var buffers = new[]
        {
            Status(100, BufferState.Ready, "ETHUSDT", Interval.OneHour),
            Status(100, BufferState.Ready, "ETHUSDT", Interval.FifteenSeconds),
            Status(10, BufferState.Degraded, "BTCUSDT", Interval.OneDay),
        };
        var activity = new SymbolActivity(50, 0, 0, Now.ToUnixTimeMilliseconds(), 1m);

        var first = builder.Build(Now, buffers, ["BTCUSDT", "ETHUSDT"], new FeedStatus(FeedState.Live, 1, 50, 2, Now), _ => activity, new FetcherStatus(null, 0, 0, null, null), true, 3, openCircuits: 2, hubConnections: 5);
        var second = builder.Build(Now.AddSeconds(2), buffers, ["BTCUSDT", "ETHUSDT"], new FeedStatus(FeedState.Live, 1, 90, 2, Now), _ => activity with { AcceptedTrades = 90 }, new FetcherStatus(null, 0, 0, null, null), true, 3);

        Assert.Equal(["BTCUSDT-1d", "ETHUSDT-15s", "ETHUSDT-1h"], first.Buffers.Select(b => b.Key));
        Assert.Equal(1, first.BuffersNeedingAttention);
        Assert.Equal(2, first.FullBuffers);
        Assert.Equal((3, 2L, 5L), (first.ChartSubscriptions, first.OpenCircuits, first.HubConnections));
        Assert.All(first.Feeds, f => Assert.Null(f.TradesPerSecond));
        Assert.All(second.Feeds, f => Assert.Equal(20.0, f.TradesPerSecond));
    }

    [Theory]
    [InlineData(0.4, "<1 s")]
    [InlineData(59, "59 s")]
    [InlineData(3600 * 2 + 60 * 5, "2 h 5 min")]
    [InlineData(86400 * 3 + 3600, "3 d 1 h")]
    public void Relative_spans_read_at_a_glance(double seconds, string expected)
    {
        Assert.Equal(expected, RelativeTime.Span(TimeSpan.FromSeconds(seconds)));
        Assert.Equal("never", RelativeTime.Format(null, Now));
        Assert.Equal("2026-11-23 10:00:00 UTC", RelativeTime.Absolute(Now));
    }

    [Fact]
    public void Retention_rows_follow_the_job_status_and_are_empty_without_it()
    {
        var builder = new AdminSnapshotBuilder(TimeSpan.FromSeconds(10));
        var status = new RetentionStatus([new RetentionRule(Interval.OneSecond, TimeSpan.FromDays(2)), new RetentionRule(Interval.OneMinute, TimeSpan.FromDays(365))]);
        var feed = new FeedStatus(FeedState.Live, 1, 50, 2, Now);
        var fetcher = new FetcherStatus(null, 0, 0, null, null);

        var snapshot = builder.Build(Now, [], [], feed, _ => null, fetcher, true, 0, retention: status.Runs);
        var without = builder.Build(Now, [], [], feed, _ => null, fetcher, true, 0);

        Assert.Equal([("1s", "2 d", "never"), ("1m", "365 d", "never")], snapshot.Retention.Select(r => (r.Interval, r.Keep, r.LastRunAgo)));
        Assert.Empty(without.Retention);
    }

    private static CandleBufferStatus Status(int count, BufferState state, string symbol = "BTCUSDT", Interval? interval = null) =>
        new(symbol, interval ?? Interval.OneMinute, count, 100, state == BufferState.Loading ? null : Now, state == BufferState.Loading ? null : "memory", state, state == BufferState.Degraded ? "exchange unreachable" : null);

    [Fact]
    public void The_instance_role_says_whether_it_leads_the_exchange_and_since_when()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var leadership = new Web.ScaleOut.VenueLeadership(clock, TimeSpan.FromSeconds(30));

        var follower = InstanceRole.Of(leadership, Now);
        Assert.Equal((false, "Follower"), (follower.Leads, follower.Value));
        Assert.Contains("relayed", follower.Detail);

        leadership.BeginTerm();
        clock.Advance(TimeSpan.FromSeconds(42));
        var leader = InstanceRole.Of(leadership, clock.GetUtcNow());
        Assert.Equal((true, "Leader"), (leader.Leads, leader.Value));
        Assert.Contains("since 42 s ago · 1 term(s)", leader.Detail);

        leadership.EndTerm();
        Assert.False(InstanceRole.Of(leadership, Now).Leads);
    }
}
