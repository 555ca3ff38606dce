using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Core.Storage.InMemory;
using CandleDashboard.Web.ScaleOut;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Tests.Shared.Venues;

/// <summary>
/// A venue for tests of one part (a component, an endpoint): the parts the test controls are passed in,
/// the rest are real core objects over an in-memory store that the test never looks at.
/// </summary>
public static class TestVenue
{
    public static Venue Create(
        string id = "binance",
        bool isDefault = true,
        IExchange? exchange = null,
        IReadOnlyList<string>? symbols = null,
        IReadOnlyList<Interval>? intervals = null,
        ILiveCandleStream? live = null,
        ICandleHistory? history = null,
        IDataUpdatedBus? bus = null,
        TimeProvider? clock = null,
        LiveDeltaLogSet? liveDeltas = null)
    {
        exchange ??= new StubExchange { Name = id };
        symbols ??= ["BTCUSDT", "ETHUSDT"];
        intervals ??= Interval.Defaults;
        clock ??= TimeProvider.System;
        bus ??= new InMemoryDataUpdatedBus();
        var store = new InMemoryCandleStore();
        var feed = new LiveCandleFeed(new LiveCandleFeedOptions { Symbols = symbols, Intervals = intervals }, clock);
        live ??= feed;
        history ??= new TieredCandleHistory([store], new ExchangeCandleHistory(exchange.Klines, clock), clock, new TieredHistoryOptions { Exchange = exchange.Name });
        liveDeltas ??= new LiveDeltaLogSet(symbols, intervals);
        var fetcherOptions = new FetcherOptions { Exchange = exchange.Name, Symbols = symbols, Intervals = intervals };
        // A test's app is its only instance: it leads from the start, so the feed status is the exchange's.
        var leadership = new VenueLeadership(clock, TimeSpan.FromSeconds(30));
        leadership.BeginTerm();
        return new Venue
        {
            Id = id,
            DisplayName = char.ToUpperInvariant(id[0]) + id[1..],
            IsDefault = isDefault,
            Leadership = leadership,
            Exchange = exchange,
            Catalog = new SeriesCatalog(symbols, intervals),
            Feed = feed,
            Live = live,
            History = history,
            Buffers = new CandleBufferSet(symbols, intervals, 100, history, clock, liveDeltas: liveDeltas),
            LiveDeltas = liveDeltas,
            IndicatorHistory = new IndicatorHistory(history),
            Indicators = new SharedIndicatorSet(new SharedIndicatorSources(live, history, bus, clock, exchange.Name), 300),
            FetcherOptions = fetcherOptions,
            Fetcher = new OfficialKlineFetcher(exchange.Klines, [store], bus, fetcherOptions, clock),
            Reconciler = new StoreReconciler(exchange.Klines, [store], bus, fetcherOptions, clock),
        };
    }
}
