using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class FeedLogTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<FeedLogTests> _logger = new();
    private readonly FeedStatusTracker _status;
    private readonly FeedLog _log;

    public FeedLogTests()
    {
        _status = new FeedStatusTracker(_time);
        _log = new FeedLog("Kraken", _logger, _status, _time);
    }

    [Fact]
    public void Every_malformed_message_is_counted_and_one_per_window_logged_with_its_start()
    {
        var long300 = Encoding.UTF8.GetBytes("{" + new string('x', 299));

        _log.Malformed("invalid JSON", long300);
        _log.Malformed("invalid JSON", "{}"u8);
        _log.Malformed("invalid JSON", "{}"u8);
        _time.Advance(TimeSpan.FromSeconds(10));
        _log.Malformed("binary message", "ab"u8);

        Assert.Equal(4, _status.Snapshot().MalformedMessages);
        AssertLogged(
            (LogLevel.Warning, "Malformed Kraken message (invalid JSON), skipped; 0 more since the last report. Start: {" + new string('x', 255)),
            (LogLevel.Warning, "Malformed Kraken message (binary message), skipped; 2 more since the last report. Start: ab"));
    }

    [Fact]
    public void Network_trouble_is_a_warning_anything_else_an_error()
    {
        _log.StreamError(new WebSocketException("socket closed"));
        _log.StreamError(new InvalidOperationException("bug"));

        AssertLogged(
            (LogLevel.Warning, "Kraken stream error: socket closed"),
            (LogLevel.Error, "Unexpected error on the Kraken stream."));
    }

    [Fact]
    public void Sink_errors_are_logged_once_per_window_with_the_count_held_back()
    {
        _log.SinkError(new InvalidOperationException("1"));
        _log.SinkError(new InvalidOperationException("2"));
        _time.Advance(TimeSpan.FromSeconds(10));
        _log.SinkError(new InvalidOperationException("3"));

        AssertLogged(
            (LogLevel.Error, "Trade sink threw (0 more suppressed)."),
            (LogLevel.Error, "Trade sink threw (1 more suppressed)."));
        Assert.Equal(0, _status.Snapshot().MalformedMessages);
    }

    private void AssertLogged(params (LogLevel Level, string Message)[] expected) => Assert.Equal(expected, _logger.Entries);
}
