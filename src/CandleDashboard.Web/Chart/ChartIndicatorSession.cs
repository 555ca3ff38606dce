using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// The indicators one chart session shows: a lease on each shared calculator (<see cref="SharedIndicatorSet"/>)
/// and a subscription whose updates queue with the chart's candle updates (<see cref="PendingCandles"/>), so
/// they reach the browser in the same drain. Changing the set keeps the indicators that stay. Disposed
/// with the session.
/// </summary>
public sealed class ChartIndicatorSession(Series series, SharedIndicatorSet indicators, PendingCandles pending, Action startDrain, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IndicatorSpec, (IndicatorLease Lease, IDisposable Subscription)> _held = [];
    private bool _disposed;

    /// <summary>The indicators shown now.</summary>
    public IReadOnlyList<IndicatorSpec> Shown
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Keys];
            }
        }
    }

    /// <summary>
    /// Shows exactly <paramref name="wanted"/>: starts (or joins) the calculators not shown yet and drops the
    /// others. Returns every wanted indicator with its values from <paramref name="firstOpenTime"/> on, for
    /// the browser to draw; indicators that could not start are left out and named in <paramref name="failed"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChartIndicatorJson>> ShowAsync(IReadOnlyList<IndicatorSpec> wanted, long firstOpenTime, List<string> failed, CancellationToken cancellationToken)
    {
        foreach (var spec in Shown.Except(wanted))
        {
            Drop(spec);
        }

        var drawn = new List<ChartIndicatorJson>();
        foreach (var spec in wanted)
        {
            var values = HeldValues(spec, firstOpenTime) ?? await TryStartAsync(spec, firstOpenTime, cancellationToken);
            if (values is null)
            {
                failed.Add(spec.Text);
                continue;
            }

            drawn.Add(ChartIndicatorJson.From(spec, values));
        }

        return drawn;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var spec in Shown)
        {
            Drop(spec);
        }
    }

    private IReadOnlyList<IndicatorValue>? HeldValues(IndicatorSpec spec, long firstOpenTime)
    {
        lock (_gate)
        {
            return _held.TryGetValue(spec, out var held) ? held.Lease.Indicator.ValuesFrom(firstOpenTime) : null;
        }
    }

    /// <summary>Joins (or starts) the shared calculator; null when its history cannot be read now.</summary>
    private async Task<IReadOnlyList<IndicatorValue>?> TryStartAsync(IndicatorSpec spec, long firstOpenTime, CancellationToken cancellationToken)
    {
        IndicatorLease lease;
        try
        {
            lease = await indicators.AcquireAsync(series, spec, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Starting {Indicator} on {Series} for a chart failed", spec, series);
            return null;
        }

        var subscription = lease.Indicator.Subscribe(firstOpenTime, OnUpdate, out var values);
        lock (_gate)
        {
            if (!_disposed && _held.TryAdd(spec, (lease, subscription)))
            {
                return values;
            }
        }

        subscription.Dispose();
        lease.Dispose();
        return null;
    }

    private void Drop(IndicatorSpec spec)
    {
        (IndicatorLease Lease, IDisposable Subscription) held;
        lock (_gate)
        {
            if (!_held.Remove(spec, out held))
            {
                return;
            }
        }

        held.Subscription.Dispose();
        held.Lease.Dispose();
    }

    // The calculator's thread (the live feed's or the bus's): queue only, as candle updates do.
    private void OnUpdate(IndicatorUpdate update)
    {
        if (pending.OfferIndicator(update))
        {
            startDrain();
        }
    }
}
