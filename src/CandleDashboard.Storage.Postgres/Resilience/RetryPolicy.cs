using Microsoft.Extensions.Logging;

namespace CandleDashboard.Storage.Postgres.Resilience;

/// <summary>
/// Retries an operation on transient errors with exponential backoff and jitter. Jitter keeps
/// several app instances from hammering a database that is just coming back in lockstep.
/// </summary>
public sealed class RetryPolicy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _maxAttempts = maxAttempts;
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public static RetryPolicy From(PostgresOptions options, ILogger logger) =>
        new(options.MaxAttempts, options.RetryBaseDelay, options.RetryMaxDelay, logger);

    /// <summary>Delay before retry number <paramref name="retry"/> (1-based): base·2^(retry−1), capped, times a factor in [0.5, 1].</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < _maxAttempts && TransientErrors.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(attempt, _baseDelay, _maxDelay);
                _logger.LogWarning("PostgreSQL {Operation} failed (attempt {Attempt}/{MaxAttempts}): {Error}; retrying in {Delay} ms",
                    operation, attempt, _maxAttempts, ex.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task ExecuteAsync(string operation, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        ExecuteAsync<bool>(operation, async ct =>
        {
            await action(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
