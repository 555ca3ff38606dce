namespace CandleDashboard.Core.Exchange;

/// <summary>
/// Marks the exchange requests made inside a scope as background work (the fetcher's catch-up, the
/// reconciler): an adapter paces those so that a long catch-up leaves part of the exchange's request
/// budget to chart loads, which a trader is waiting for. Flows with the async call, like a log scope.
/// </summary>
public static class ExchangeRequestPriority
{
    private static readonly AsyncLocal<bool> Background = new();

    public static bool IsBackground => Background.Value;

    /// <summary>Requests inside the returned scope are background ones until it is disposed.</summary>
    public static IDisposable BackgroundScope()
    {
        var previous = Background.Value;
        Background.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Background.Value = previous;
    }
}
