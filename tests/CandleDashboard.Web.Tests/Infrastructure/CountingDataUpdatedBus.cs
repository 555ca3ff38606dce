using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>
/// The zero-config in-memory bus, with a count of open handlers: every chart subscribes to
/// data_updated, so a leaked chart handler shows up here like a leaked live subscription does in
/// <c>ILiveCandleStream.SubscriptionCount</c>. Also records what was published.
/// </summary>
public sealed class CountingDataUpdatedBus : IDataUpdatedBus
{
    private readonly InMemoryDataUpdatedBus _inner = new();
    private int _handlers;
    private int _published;

    public int HandlerCount => Volatile.Read(ref _handlers);

    public int PublishedCount => Volatile.Read(ref _published);

    public Task PublishAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _published);
        return _inner.PublishAsync(message, cancellationToken);
    }

    public IDisposable Subscribe(Action<DataUpdated> handler)
    {
        var subscription = _inner.Subscribe(handler);
        Interlocked.Increment(ref _handlers);
        return new Counted(this, subscription);
    }

    private sealed class Counted(CountingDataUpdatedBus owner, IDisposable inner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                inner.Dispose();
                Interlocked.Decrement(ref owner._handlers);
            }
        }
    }
}
