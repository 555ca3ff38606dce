namespace CandleDashboard.Core.Storage;

/// <summary>
/// Carries <see cref="DataUpdated"/> to every interested party: in-process subscribers and, with
/// Redis configured, every other app instance (pub/sub). A publisher also hears its own messages.
/// </summary>
public interface IDataUpdatedBus
{
    Task PublishAsync(DataUpdated message, CancellationToken cancellationToken);

    /// <summary>Handler runs on a background thread; dispose the handle to stop.</summary>
    IDisposable Subscribe(Action<DataUpdated> handler);
}
