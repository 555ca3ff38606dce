using System.Collections.Concurrent;
using CandleDashboard.Core.Coordination;
using CandleDashboard.Tests.Shared;
using CandleDashboard.Tests.Shared.Venues;
using CandleDashboard.Web.ScaleOut;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Web.Tests.Unit;

/// <summary>
/// How an instance keeps or gives up a venue's leadership, against a scripted lease store: a lease taken begins a
/// term, a lost lease held by another ends it, and a store that does not answer changes nobody's role.
/// </summary>
public sealed class LeadershipWorkerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_follower_leads_once_it_gets_the_lease_and_follows_again_when_another_instance_holds_it()
    {
        var store = new ScriptedLeases();
        var venue = FollowerVenue();
        var terms = venue.Leadership.Terms;
        using var worker = Start(venue, store);

        store.Answer(Outcome.HeldByAnother);
        var asked = store.Asked;
        await Eventually.ReachesAsync(() => store.Asked, n => n >= asked + 3, Deadline, "asked three more times");
        Assert.False(venue.Leadership.IsLeader); // "held by another" while following changes nothing

        var lease = store.Answer(Outcome.Granted);
        await Eventually.ReachesAsync(() => venue.Leadership.IsLeader, leads => leads, Deadline, "leads");
        Assert.Equal(terms + 1, venue.Leadership.Terms);

        store.Answer(Outcome.HeldByAnother);
        lease!.Lose();
        await Eventually.ReachesAsync(() => venue.Leadership.IsLeader, leads => !leads, Deadline, "follows again");
    }

    [Fact]
    public async Task A_leader_whose_store_stops_answering_keeps_leading_and_renews_when_it_answers_again()
    {
        var store = new ScriptedLeases();
        var venue = FollowerVenue();
        using var worker = Start(venue, store);
        var first = store.Answer(Outcome.Granted);
        await Eventually.ReachesAsync(() => venue.Leadership.IsLeader, leads => leads, Deadline, "leads");
        var terms = venue.Leadership.Terms;

        store.Answer(Outcome.Unreachable);
        first!.Lose();
        await Eventually.ReachesAsync(() => store.Unanswered, asked => asked >= 3, Deadline, "asked again while the store is away");
        Assert.True(venue.Leadership.IsLeader);

        store.Answer(Outcome.Granted);
        await Eventually.ReachesAsync(() => store.Granted, granted => granted == 2, Deadline, "lease taken again");
        Assert.True(venue.Leadership.IsLeader);
        Assert.Equal(terms, venue.Leadership.Terms); // one uninterrupted term
    }

    [Fact]
    public async Task Stopping_releases_the_lease_and_ends_the_term()
    {
        var store = new ScriptedLeases();
        var venue = FollowerVenue();
        var worker = Start(venue, store);
        var lease = store.Answer(Outcome.Granted);
        await Eventually.ReachesAsync(() => venue.Leadership.IsLeader, leads => leads, Deadline, "leads");

        await worker.StopAsync(CancellationToken.None);
        worker.Dispose();

        Assert.True(lease!.Released);
        Assert.False(venue.Leadership.IsLeader);
    }

    [Fact]
    public async Task Leader_only_work_runs_in_each_term_and_is_cancelled_when_the_term_ends()
    {
        var leadership = FollowerVenue().Leadership;
        var runs = new ConcurrentQueue<CancellationToken>();
        using var app = new CancellationTokenSource();
        var running = leadership.RunWhileLeaderAsync(
            async ct =>
            {
                runs.Enqueue(ct);
                await Task.Delay(Timeout.Infinite, ct);
            },
            app.Token);

        Assert.Empty(runs);
        leadership.BeginTerm();
        await Eventually.ReachesAsync(() => runs.Count, n => n == 1, Deadline, "work started in the first term");
        leadership.EndTerm();
        Assert.True(runs.First().IsCancellationRequested);
        leadership.BeginTerm();
        await Eventually.ReachesAsync(() => runs.Count, n => n == 2, Deadline, "work started again in the second term");

        await app.CancelAsync();
        await running.WaitAsync(Deadline);
        Assert.All(runs, ct => Assert.True(ct.IsCancellationRequested));
    }

    private static Venues.Venue FollowerVenue()
    {
        var venue = TestVenue.Create();
        venue.Leadership.EndTerm(); // a test venue leads from the start; these start as followers
        return venue;
    }

    private static LeadershipWorker Start(Venues.Venue venue, ILeaseProvider leases)
    {
        var worker = new LeadershipWorker(
            venue,
            leases,
            Microsoft.Extensions.Options.Options.Create(new ScaleOutOptions { LeaseDuration = TimeSpan.FromSeconds(1), LeaseRetry = TimeSpan.FromMilliseconds(100) }),
            TimeProvider.System,
            NullLogger<LeadershipWorker>.Instance);
        worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return worker;
    }

    private enum Outcome { Granted, HeldByAnother, Unreachable }

    /// <summary>A lease store that answers every request with the outcome set last.</summary>
    private sealed class ScriptedLeases : ILeaseProvider
    {
        private Outcome _next = Outcome.HeldByAnother;
        private int _unanswered;
        private int _granted;
        private int _asked;

        public int Unanswered => Volatile.Read(ref _unanswered);

        public int Granted => Volatile.Read(ref _granted);

        /// <summary>Every request, whatever its answer.</summary>
        public int Asked => Volatile.Read(ref _asked);

        private FakeLease? _lease;

        /// <summary>From now on every request gets <paramref name="outcome"/>; a grant hands out one new lease, returned.</summary>
        public FakeLease? Answer(Outcome outcome)
        {
            lock (this)
            {
                _next = outcome;
                _lease = outcome == Outcome.Granted ? new FakeLease() : null;
                return _lease;
            }
        }

        public ValueTask<ILease?> TryAcquireAsync(string name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            lock (this)
            {
                switch (_next)
                {
                    case Outcome.Unreachable:
                        Interlocked.Increment(ref _unanswered);
                        throw new InvalidOperationException("the lease store did not answer");
                    case Outcome.Granted when _lease is { Taken: false } lease:
                        lease.Taken = true;
                        Interlocked.Increment(ref _granted);
                        return ValueTask.FromResult<ILease?>(lease);
                    default:
                        return ValueTask.FromResult<ILease?>(null);
                }
            }
        }
    }

    private sealed class FakeLease : ILease
    {
        private readonly CancellationTokenSource _lost = new();

        public bool Taken { get; set; }

        public bool Released { get; private set; }

        public CancellationToken Lost => _lost.Token;

        public void Lose() => _lost.Cancel();

        public ValueTask DisposeAsync()
        {
            Released = true;
            return ValueTask.CompletedTask;
        }
    }
}
