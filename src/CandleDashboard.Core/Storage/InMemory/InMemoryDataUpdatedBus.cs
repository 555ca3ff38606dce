using CandleDashboard.Core.Messaging;

namespace CandleDashboard.Core.Storage.InMemory;

/// <summary>The zero-config data_updated bus: in-process only (one app instance).</summary>
public sealed class InMemoryDataUpdatedBus : IDataUpdatedBus
{
    private readonly HandlerList<DataUpdated> _handlers = new();

    public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        // Handlers run off the publisher's thread, as they would for a message from Redis.
        _ = Task.Run(() => _handlers.Invoke(message), CancellationToken.None);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<DataUpdated> handler) => _handlers.Add(handler);
}
