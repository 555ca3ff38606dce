using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// The time until which an exchange told us to stay away. Once it has rate-limited us, every
/// further request is refused locally until then, because calling again early is what turns a
/// rate limit into a longer penalty or a ban. Thread-safe; a later block never shortens an earlier one.
/// </summary>
public sealed class RateLimitBlock
{
    private readonly TimeProvider _timeProvider;
    private readonly string _exchange;
    private long _blockedUntilMs;

    public RateLimitBlock(TimeProvider timeProvider, string exchange)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
    }

    /// <summary>Refuses requests for <paramref name="duration"/> from now (or longer, if already blocked longer).</summary>
    public void Block(TimeSpan duration)
    {
        var until = _timeProvider.GetUtcNow().Add(duration).ToUnixTimeMilliseconds();
        Volatile.Write(ref _blockedUntilMs, Math.Max(Volatile.Read(ref _blockedUntilMs), until));
    }

    /// <summary>Throws <see cref="ExchangeRateLimitException"/> with the time left while a block is in force.</summary>
    public void ThrowIfBlocked()
    {
        var remainingMs = Volatile.Read(ref _blockedUntilMs) - _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (remainingMs > 0)
        {
            throw new ExchangeRateLimitException(
                _exchange,
                TimeSpan.FromMilliseconds(remainingMs),
                isBanned: false,
                "rate limit still in force; request not sent");
        }
    }
}
