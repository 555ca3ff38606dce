using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Storage.InMemory;

/// <summary>The zero-config data_updated bus: in-process only (one app instance).</summary>
public sealed class InMemoryDataUpdatedBus(ILogger<InMemoryDataUpdatedBus>? logger = null) : IDataUpdatedBus
{
    private readonly DataUpdatedHandlers _handlers = new(logger ?? (ILogger)NullLogger.Instance);

    public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        // Handlers run off the publisher's thread, as they would for a message from Redis.
        _ = Task.Run(() => _handlers.Invoke(message), CancellationToken.None);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<DataUpdated> handler) => _handlers.Add(handler);
}
