using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Charting;

/// <summary>
/// One series shown in one chart, from subscribe to dispose: the live subscription, the updates
/// waiting for the browser, the server's view of the drawn series and the browser chart handle.
/// Switching symbol or interval disposes the session and starts a new one, so nothing of the old
/// series (handler, pending updates, in-flight history request) can leak into the new one.
/// </summary>
public sealed class ChartSession : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private IDisposable? _subscription;
    private int _disposed;

    public ChartSession(string symbol, Interval interval, int maxCandles)
    {
        Symbol = symbol;
        Interval = interval;
        Series = new ChartSeries(maxCandles);
    }

    public string Symbol { get; }

    public Interval Interval { get; }

    public ChartSeries Series { get; }

    /// <summary>Held until the chart is drawn: updates that arrive during the history load are applied after it.</summary>
    public PendingCandles Pending { get; } = new(startHeld: true);

    /// <summary>The browser-side chart, once created.</summary>
    public int? ChartHandle { get; set; }

    public CancellationToken Cancellation => _cancellation.Token;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Takes ownership of the live subscription (disposed with the session).</summary>
    public void Attach(IDisposable subscription)
    {
        _subscription = subscription;
        if (IsDisposed)
        {
            subscription.Dispose(); // lost a race with Dispose: do not leak the handler
        }
    }

    /// <summary>Unsubscribes and cancels the history load. Idempotent, callable from any thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _subscription, null)?.Dispose();
        _cancellation.Cancel();
        _cancellation.Dispose();
    }
}
