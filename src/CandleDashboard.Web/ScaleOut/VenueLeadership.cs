using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Web.ScaleOut;

/// <summary>
/// Whether this instance leads a venue: holds its exchange connection, builds its live candles and runs its
/// fetcher (<see cref="LeadershipWorker"/> keeps the lease). A term begins when the lease is taken and ends when
/// it is lost to another instance or the app stops; work that only a leader does runs inside a term
/// (<see cref="RunWhileLeaderAsync"/>). While following, it counts the candles relayed from the leader, which
/// is what this instance's feed status is then.
/// </summary>
public sealed class VenueLeadership(TimeProvider clock, TimeSpan relayMaxSilence)
{
    private readonly object _gate = new();
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;
    private long _terms;
    private long _relayed;
    private long _relayedAtTicks;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _term is not null;
            }
        }
    }

    /// <summary>Terms this instance has begun since it started (1 for an instance that led from the start).</summary>
    public long Terms => Interlocked.Read(ref _terms);

    /// <summary>When the current term began, or null while following.</summary>
    public DateTimeOffset? LeaderSince { get; private set; }

    /// <summary>
    /// The feed as a follower sees it: live while the leader's candles arrive (the leader's clock closes and opens
    /// candles on every boundary, so a quiet market still sends one per shortest interval).
    /// </summary>
    public FeedStatus RelayStatus
    {
        get
        {
            var ticks = Interlocked.Read(ref _relayedAtTicks);
            DateTimeOffset? last = ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
            var live = last is { } at && clock.GetUtcNow() - at <= relayMaxSilence;
            return new FeedStatus(live ? FeedState.Live : FeedState.Connecting, 0, Interlocked.Read(ref _relayed), 0, last);
        }
    }

    /// <summary>A candle relayed from the leader was applied here.</summary>
    public void OnRelayed()
    {
        Interlocked.Increment(ref _relayed);
        Interlocked.Exchange(ref _relayedAtTicks, clock.GetUtcNow().UtcTicks);
    }

    /// <summary>Completes when this instance leads, with a token cancelled when that term ends.</summary>
    public Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _term is { } term ? Task.FromResult(term.Token) : _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in every term of this instance's leadership until <paramref name="stoppingToken"/>:
    /// it is cancelled when a term ends and started again when the next one begins.
    /// </summary>
    public async Task RunWhileLeaderAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var term = await WaitForTermAsync(stoppingToken).ConfigureAwait(false);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(term, stoppingToken);
            try
            {
                await work(both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
                // The term or the app ended.
            }

            if (!term.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // Work that returns inside a term is done for the term; wait for it to end before the next.
                await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>This instance took the lease (<see cref="LeadershipWorker"/>; a test venue that leads from the start).</summary>
    public void BeginTerm()
    {
        lock (_gate)
        {
            if (_term is not null)
            {
                return;
            }

            _term = new CancellationTokenSource();
            LeaderSince = clock.GetUtcNow();
            Interlocked.Increment(ref _terms);
            _nextTerm.SetResult(_term.Token);
            _nextTerm = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The lease is held by another instance, or the app stops.</summary>
    public void EndTerm()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _term;
            _term = null;
            LeaderSince = null;
        }

        if (ended is not null)
        {
            ended.Cancel();
            ended.Dispose();
        }
    }
}
