using System.Diagnostics.Metrics;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Metrics;

/// <summary>
/// The app's instruments on the <c>CandleDashboard</c> meter. Counts that already exist in the feed
/// and the builder (trades in, rejected) are observed when scraped rather than counted twice;
/// the rest are counted by whoever does the work: the hub calls <see cref="HubConnected"/> and
/// <see cref="UpdatesPushed"/>, history readers <see cref="RowsFetched"/>, the circuit handler
/// <see cref="CircuitOpened"/>. Live vs official is observed from <see cref="ILiveDeltaSource"/>
/// per exchange, symbol and interval (the buffers record it once for the server).
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

    public DashboardMetrics(IMeterFactory meterFactory, VenueDirectory venues)
    {
        var meter = meterFactory.Create(MeterName);

        // Every venue's figures carry its id as the "exchange" tag.
        meter.CreateObservableCounter(
            "candledashboard.trades.in",
            () => venues.All.Select(v => new Measurement<long>(v.Exchange.Trades.Status.TradesReceived, ExchangeTag(v))),
            unit: "{trade}",
            description: "Trades received from each exchange's stream.");
        meter.CreateObservableGauge(
            "candledashboard.leader",
            () => venues.All.Select(v => new Measurement<int>(v.Leadership.IsLeader ? 1 : 0, ExchangeTag(v))),
            unit: "{instance}",
            description: "1 where this instance leads the exchange (holds its connection, builds its live candles, runs its fetcher), 0 where it follows the instance that does.");
        meter.CreateObservableCounter(
            "candledashboard.leader.terms",
            () => venues.All.Select(v => new Measurement<long>(v.Leadership.Terms, ExchangeTag(v))),
            unit: "{term}",
            description: "Times this instance has taken the exchange's lease since it started (a takeover from a failed leader adds one).");
        meter.CreateObservableCounter(
            "candledashboard.trades.rejected",
            () => venues.All.Select(v => new Measurement<long>(v.Catalog.Symbols.Sum(s => v.Live.GetActivity(s)?.RejectedTrades ?? 0), ExchangeTag(v))),
            unit: "{trade}",
            description: "Trades the candle builder refused (price or quantity not positive, time too far ahead).");
        meter.CreateObservableCounter(
            "candledashboard.live_delta.compared",
            () => venues.All.SelectMany(v => v.LiveDeltas.Accuracies.SelectMany(a => new[]
            {
                new Measurement<long>(a.MatchedSinceStart, SeriesTags(v, a, "matched")),
                new Measurement<long>(a.DifferingSinceStart, SeriesTags(v, a, "differed")),
            })),
            unit: "{candle}",
            description: "Live-built candles compared with the official kline that replaced them, by symbol, interval and outcome (matched: equal open, high, low, close, volume and trade count).");
        meter.CreateObservableGauge(
            "candledashboard.live_delta.largest_close_difference",
            () => venues.All.SelectMany(v => v.LiveDeltas.Accuracies.Select(a => new Measurement<double>((double)a.LargestCloseDifference, SeriesTags(v, a)))),
            unit: "{price}",
            description: "Largest |official − live| close over each series' last replaced candles (Window: 100), in the quote currency.");
        meter.CreateObservableGauge(
            "candledashboard.live_delta.window_matched",
            () => venues.All.SelectMany(v => v.LiveDeltas.Accuracies.Select(a => new Measurement<int>(a.Matched, SeriesTags(v, a)))),
            unit: "{candle}",
            description: "Of each series' last replaced candles (at most 100), how many the live candle matched.");
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

    private static KeyValuePair<string, object?> ExchangeTag(Venue venue) => new("exchange", venue.Id);

    private static KeyValuePair<string, object?>[] SeriesTags(Venue venue, LiveAccuracy accuracy, string? outcome = null) => outcome is null
        ?
        [
            ExchangeTag(venue),
            new("symbol", accuracy.Series.Symbol),
            new("interval", accuracy.Series.Interval.Code),
        ]
        :
        [
            ExchangeTag(venue),
            new("symbol", accuracy.Series.Symbol),
            new("interval", accuracy.Series.Interval.Code),
            new("outcome", outcome),
        ];

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
