using CandleDashboard.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Core.Storage;

/// <summary>
/// The local subscribers of a data_updated bus. Every bus (in-process or over Redis) hands its
/// messages here, so a handler that throws is treated the same everywhere: logged with the series
/// it was about, and the other handlers still run.
/// </summary>
public sealed class DataUpdatedHandlers
{
    private readonly HandlerList<DataUpdated> _handlers = new();

    public DataUpdatedHandlers(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _handlers.HandlerFailed += (message, ex) => logger.LogError(
            ex, "A data_updated handler threw for {Exchange} {Symbol} {Interval}", message.Exchange, message.Symbol, message.Interval);
    }

    public IDisposable Add(Action<DataUpdated> handler) => _handlers.Add(handler);

    public void Invoke(DataUpdated message) => _handlers.Invoke(message);
}
