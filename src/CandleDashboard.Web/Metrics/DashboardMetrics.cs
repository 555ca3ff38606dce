using CandleDashboard.Core.Exchange;
using System.Diagnostics.Metrics;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Options;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Metrics;

/// <summary>
/// The app's instruments on the <c>CandleDashboard</c> meter. Counts that already exist in the feed
/// and the builder (trades in, rejected) are observed when scraped rather than counted twice;
/// the rest are counted by whoever does the work: the hub calls <see cref="HubConnected"/> and
/// <see cref="UpdatesPushed"/>, history readers <see cref="RowsFetched"/>, the circuit handler
/// <see cref="CircuitOpened"/>.
/// </summary>
public sealed class DashboardMetrics
{
    public const string MeterName = "CandleDashboard";

    private readonly Counter<long> _updatesPushed;
    private readonly Counter<long> _rowsFetched;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Counter<long> _hubSlowFollowersDropped;
    private readonly Counter<long> _hubCallsRefused;
    private long _openCircuits;
    private long _openHubConnections;

    public DashboardMetrics(IMeterFactory meterFactory, IExchange exchange, ILiveCandleStream live, IOptions<DashboardOptions> dashboard)
    {
        var meter = meterFactory.Create(MeterName);
        var symbols = dashboard.Value.EffectiveSymbols;

        meter.CreateObservableCounter(
            "candledashboard.trades.in",
            () => exchange.Trades.Status.TradesReceived,
            unit: "{trade}",
            description: "Trades received from the exchange's stream.");
        meter.CreateObservableCounter(
            "candledashboard.trades.rejected",
            () => symbols.Sum(s => live.GetActivity(s)?.RejectedTrades ?? 0),
            unit: "{trade}",
            description: "Trades the candle builder refused (price or quantity not positive, time too far ahead).");
        _updatesPushed = meter.CreateCounter<long>(
            "candledashboard.updates.pushed",
            unit: "{update}",
            description: "Candle updates pushed to clients.");
        _rowsFetched = meter.CreateCounter<long>(
            "candledashboard.rows.fetched",
            unit: "{candle}",
            description: "Candles read from a history tier, tagged with the tier.");
        meter.CreateObservableUpDownCounter(
            "candledashboard.circuits.open",
            () => Interlocked.Read(ref _openCircuits),
            unit: "{circuit}",
            description: "Open Blazor Server circuits (chart tabs).");
        _hubConnections = meter.CreateUpDownCounter<long>(
            "candledashboard.hub.connections",
            unit: "{connection}",
            description: "Open SignalR hub connections.");
        _hubSlowFollowersDropped = meter.CreateCounter<long>(
            "candledashboard.hub.slow_followers_dropped",
            unit: "{connection}",
            description: "Hub connections dropped because they stopped reading (outgoing buffer full past Hub:SlowFollowerTimeout).");
        _hubCallsRefused = meter.CreateCounter<long>(
            "candledashboard.hub.calls_refused",
            unit: "{call}",
            description: "Hub method calls refused with a reason for the caller (invalid symbol or interval, subscription limit).");
    }

    /// <summary>For the admin page: the same numbers without a metrics pipeline.</summary>
    public long OpenCircuits => Interlocked.Read(ref _openCircuits);

    public long OpenHubConnections => Interlocked.Read(ref _openHubConnections);

    public void UpdatesPushed(long count = 1) => _updatesPushed.Add(count);

    public void RowsFetched(long count, string source) => _rowsFetched.Add(count, new KeyValuePair<string, object?>("source", source));

    public void CircuitOpened() => Interlocked.Increment(ref _openCircuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _openCircuits);

    public void HubConnected()
    {
        Interlocked.Increment(ref _openHubConnections);
        _hubConnections.Add(1);
    }

    public void HubSlowFollowerDropped() => _hubSlowFollowersDropped.Add(1);

    public void HubCallRefused(string method) => _hubCallsRefused.Add(1, new KeyValuePair<string, object?>("method", method));

    public void HubDisconnected()
    {
        Interlocked.Decrement(ref _openHubConnections);
        _hubConnections.Add(-1);
    }
}
