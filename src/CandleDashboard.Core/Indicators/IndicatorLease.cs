namespace CandleDashboard.Core.Indicators;

/// <summary>
/// One viewer's hold on a shared indicator (<see cref="SharedIndicatorSet.AcquireAsync"/>): while any
/// lease of it is open the calculator lives; disposing the last one drops it. Dispose it once the
/// viewer leaves (a chart switching series, a hub connection closing).
/// </summary>
public sealed class IndicatorLease : IDisposable
{
    private readonly Action _release;
    private int _released;

    internal IndicatorLease(SharedIndicator indicator, Action release)
    {
        Indicator = indicator;
        _release = release;
    }

    public SharedIndicator Indicator { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release();
        }
    }
}
