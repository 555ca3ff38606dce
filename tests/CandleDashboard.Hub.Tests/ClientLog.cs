using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The .NET client's own warnings and errors. The client drops a message it cannot bind to the
/// handler's type and only logs it, so a wait that times out quotes this log to say why.
/// </summary>
public sealed class ClientLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public string Describe() => _entries.IsEmpty ? "" : "; client log: " + string.Join(" | ", _entries.Take(5));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ClientLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.GetBaseException().Message}".TrimEnd());
            }
        }
    }
}
