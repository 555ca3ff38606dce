namespace CandleDashboard.Simulator;

/// <summary>
/// Misbehaviour on command, for fault tests: the REST API answers slowly, hangs, fails with a status
/// (5xx, 429/418 with Retry-After) or sends a body that is not JSON. Every switch can be flipped while
/// the simulator runs and applies to the next request; <see cref="Clear"/> makes it well-behaved again.
/// Clock skew needs no switch: give <see cref="SimulatorOptions.TimeProvider"/> a skewed clock.
/// </summary>
public sealed class SimulatorFaults
{
    private long _restDelayTicks;
    private int _restHangs;
    private int _restStatus;
    private int _restGarbage;
    private long _faultedRequests;

    /// <summary>Added before every REST answer (zero: none).</summary>
    public TimeSpan RestDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _restDelayTicks));
        set => Interlocked.Exchange(ref _restDelayTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>REST requests never get an answer until the client gives up (or this is switched off).</summary>
    public bool RestHangs
    {
        get => Volatile.Read(ref _restHangs) != 0;
        set => Volatile.Write(ref _restHangs, value ? 1 : 0);
    }

    /// <summary>Every REST request is answered with this HTTP status (0: normal answers). 429 and 418 carry Retry-After.</summary>
    public int RestStatus
    {
        get => Volatile.Read(ref _restStatus);
        set => Volatile.Write(ref _restStatus, value);
    }

    /// <summary>Every REST answer is a 200 whose body is not JSON, as a broken proxy would send.</summary>
    public bool RestGarbage
    {
        get => Volatile.Read(ref _restGarbage) != 0;
        set => Volatile.Write(ref _restGarbage, value ? 1 : 0);
    }

    /// <summary>Retry-After (seconds) sent with 429 and 418.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>REST requests that met a fault since start.</summary>
    public long FaultedRequests => Interlocked.Read(ref _faultedRequests);

    /// <summary>True while any REST switch is on.</summary>
    public bool AnyRestFault => RestDelay > TimeSpan.Zero || RestHangs || RestStatus != 0 || RestGarbage;

    public void Clear()
    {
        RestDelay = TimeSpan.Zero;
        RestHangs = false;
        RestStatus = 0;
        RestGarbage = false;
    }

    internal void CountFaulted() => Interlocked.Increment(ref _faultedRequests);
}
