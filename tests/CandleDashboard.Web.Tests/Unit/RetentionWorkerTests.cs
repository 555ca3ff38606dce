using CandleDashboard.Core.Market;
using CandleDashboard.Storage.Postgres;
using CandleDashboard.Web.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class RetentionWorkerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static readonly RetentionRule[] Rules =
    [
        new(Interval.OneSecond, TimeSpan.FromDays(2)),
        new(Interval.OneMinute, TimeSpan.FromDays(365)),
    ];

    [Fact]
    public async Task Runs_shortly_after_start_then_once_per_period()
    {
        var clock = new CountingTimeProvider(Start);
        var store = new RecordingStore();
        var status = new RetentionStatus(Rules);
        using var worker = Worker(store, status, clock);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 1, Deadline, "the first delay");
        clock.Advance(RetentionWorker.FirstRunDelay - TimeSpan.FromSeconds(1));
        Assert.Empty(store.Calls);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 2, Deadline, "the delay after the first run");
        var firstAt = Start + RetentionWorker.FirstRunDelay;
        Assert.Equal(
            [(Interval.OneSecond, (firstAt - TimeSpan.FromDays(2)).ToUnixTimeMilliseconds()), (Interval.OneMinute, (firstAt - TimeSpan.FromDays(365)).ToUnixTimeMilliseconds())],
            store.Calls);

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(100);
        Assert.Equal(2, store.Calls.Count);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 3, Deadline, "the delay after the second run");
        Assert.Equal(4, store.Calls.Count);
        Assert.Equal((firstAt + TimeSpan.FromHours(1) - TimeSpan.FromDays(2)).ToUnixTimeMilliseconds(), store.Calls[2].Cutoff);

        var run = Assert.Single(status.Runs, r => r.Interval == Interval.OneSecond);
        Assert.Equal(new RetentionRun(Interval.OneSecond, TimeSpan.FromDays(2), firstAt + TimeSpan.FromHours(1), 42, store.Calls[2].Cutoff, null), run);

        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task With_several_instances_only_the_leader_prunes()
    {
        var clock = new CountingTimeProvider(Start);
        var store = new RecordingStore();
        var leadership = new Web.ScaleOut.VenueLeadership(clock, TimeSpan.FromSeconds(30));
        using var worker = Worker(store, new RetentionStatus(Rules), clock, leadership);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 1, Deadline, "the first delay");
        clock.Advance(RetentionWorker.FirstRunDelay);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 2, Deadline, "the delay after the first period");
        Assert.Empty(store.Calls); // a follower: the leader prunes

        leadership.BeginTerm();
        clock.Advance(new PersistenceOptions().RetentionEvery);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 3, Deadline, "the delay after the second period");
        Assert.Equal(Rules.Length, store.Calls.Count);

        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failure_is_recorded_does_not_stop_the_other_intervals_and_is_retried_next_period()
    {
        var clock = new CountingTimeProvider(Start);
        var store = new RecordingStore { FailuresLeft = 1 };
        var status = new RetentionStatus(Rules);
        using var worker = Worker(store, status, clock);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 1, Deadline, "the first delay");
        clock.Advance(RetentionWorker.FirstRunDelay);
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 2, Deadline, "the delay after the first run");

        Assert.Equal("the database is down", status.Runs[0].LastError);
        Assert.Null(status.Runs[0].RowsDeleted);
        Assert.Equal(42, status.Runs[1].RowsDeleted);
        Assert.Null(status.Runs[1].LastError);

        clock.Advance(TimeSpan.FromHours(1));
        await Eventually.ReachesAsync(() => clock.Timers, t => t == 3, Deadline, "the delay after the second run");
        Assert.Null(status.Runs[0].LastError);
        Assert.Equal(42, status.Runs[0].RowsDeleted);

        await worker.StopAsync(CancellationToken.None);
    }

    private static RetentionWorker Worker(RecordingStore store, RetentionStatus status, TimeProvider clock, Web.ScaleOut.VenueLeadership? leadership = null) =>
        new(store, Rules, status, new PersistenceOptions(), clock, NullLogger<RetentionWorker>.Instance, leadership);

    /// <summary>Counts the timers the worker creates: each Task.Delay is one, so the test knows the worker is parked before it moves the clock.</summary>
    private sealed class CountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }

    private sealed class RecordingStore : ICandleRetention
    {
        private readonly List<(Interval Interval, long Cutoff)> _calls = [];

        public int FailuresLeft { get; set; }

        public List<(Interval Interval, long Cutoff)> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public Task<long> DeleteOlderThanAsync(Interval interval, long cutoffOpenTime, int batchSize, CancellationToken cancellationToken)
        {
            lock (_calls)
            {
                _calls.Add((interval, cutoffOpenTime));
            }

            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("the database is down");
            }

            return Task.FromResult(42L);
        }
    }
}
