using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// What a trade feed logs when something goes wrong, throttled to one line per kind per 10 s with
/// a count of the held-back ones: a feed sees thousands of messages a second, so a run of bad
/// frames or a sink that keeps throwing must not bury the log (or cost more than the feed itself).
/// </summary>
public sealed class FeedLog
{
    private const int LogSnippetBytes = 256;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly string _exchange;
    private readonly ILogger _logger;
    private readonly FeedStatusTracker _status;
    private readonly LogThrottle _malformedLog;
    private readonly LogThrottle _sinkErrorLog;

    /// <param name="exchange">The exchange as the log lines name it ("Binance", "Kraken").</param>
    /// <param name="logger">The feed's own logger, so the lines keep the feed's category.</param>
    /// <param name="status">Where malformed messages are counted.</param>
    /// <param name="timeProvider">The throttle's clock.</param>
    public FeedLog(string exchange, ILogger logger, FeedStatusTracker status, TimeProvider timeProvider)
    {
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _malformedLog = new LogThrottle(timeProvider, Window);
        _sinkErrorLog = new LogThrottle(timeProvider, Window);
    }

    /// <summary>Counts a message that could not be used and logs its start (the message is skipped).</summary>
    public void Malformed(string reason, ReadOnlySpan<byte> message)
    {
        _status.CountMalformed();
        if (_malformedLog.TryEnter(out var suppressed))
        {
            var snippet = Encoding.UTF8.GetString(message[..Math.Min(message.Length, LogSnippetBytes)]);
            _logger.LogWarning(
                "Malformed {Exchange} message ({Reason}), skipped; {Suppressed} more since the last report. Start: {Snippet}",
                _exchange,
                reason,
                suppressed,
                snippet);
        }
    }

    /// <summary>A trade sink threw; the feed carries on, because a faulty consumer must not take the exchange connection down with it.</summary>
    public void SinkError(Exception ex)
    {
        if (_sinkErrorLog.TryEnter(out var suppressed))
        {
            _logger.LogError(ex, "Trade sink threw ({Suppressed} more suppressed).", suppressed);
        }
    }

    /// <summary>A connect or receive failed. Network trouble is a warning; anything else an error, but the feed keeps trying rather than going dark.</summary>
    public void StreamError(Exception ex)
    {
        if (ex is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
        {
            _logger.LogWarning("{Exchange} stream error: {Error}", _exchange, ex.Message);
        }
        else
        {
            _logger.LogError(ex, "Unexpected error on the {Exchange} stream.", _exchange);
        }
    }
}
