using Polly;
using Polly.Retry;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// How the background workers wait before trying again after a failure: exponential from one second,
/// capped at a minute, with jitter, forever. Polly's retry does the arithmetic; the workers decide what
/// a failure is. Our own shutdown is never retried.
/// </summary>
internal static class WorkerBackoff
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// For a periodic worker that counts its own failed runs: zero after a clean run, then 1 s, 2 s,
    /// 4 s … up to <see cref="MaxDelay"/>. No jitter: one worker per instance, nothing to spread.
    /// </summary>
    public static TimeSpan After(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(failures - 1, 16)));

    /// <summary>
    /// Runs the work again while it throws (anything but the caller's own cancellation) or returns
    /// false (work left to do, e.g. degraded buffers to reload). Work that should run for the app's
    /// lifetime returns true when it ends normally, i.e. at shutdown.
    /// </summary>
    public static ResiliencePipeline<bool> UntilDone(string worker, ILogger logger, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder<bool> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<bool>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && (args.Outcome.Exception is not null || args.Outcome.Result is false)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } failure)
                    {
                        logger.LogError(failure, "{Worker} failed (attempt {Attempt}); starting it again in {Delay:0.0} s",
                            worker, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    }
                    else
                    {
                        logger.LogWarning("{Worker} not done (attempt {Attempt}); trying again in {Delay:0.0} s",
                            worker, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    }

                    return default;
                },
            })
            .Build();
}
