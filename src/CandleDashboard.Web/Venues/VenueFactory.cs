using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Health;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.ScaleOut;
using CandleDashboard.Web.Persistence;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Venues;

/// <summary>
/// Builds each configured venue's parts over the services all venues share (the stores, the
/// data_updated bus, the clock): the one place a venue is assembled, so no part of one can be
/// wired to another venue's.
/// </summary>
internal sealed class VenueFactory(IServiceProvider services)
{
    private readonly TimeProvider _clock = services.GetRequiredService<TimeProvider>();
    private readonly CandleTiers _tiers = services.GetRequiredService<CandleTiers>();
    private readonly IDataUpdatedBus _bus = services.GetRequiredService<IDataUpdatedBus>();
    private readonly DashboardOptions _dashboard = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
    private readonly PersistenceOptions _persistence = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
    private readonly HealthOptions _health = services.GetRequiredService<IOptions<HealthOptions>>().Value;
    private readonly ILoggerFactory _loggers = services.GetRequiredService<ILoggerFactory>();

    public Venue Create(VenueSettings settings, bool isDefault)
    {
        var exchange = services.GetRequiredKeyedService<IExchange>(settings.Id);
        var symbols = settings.EffectiveSymbols;
        var intervals = _dashboard.EffectiveIntervals;

        var feed = new LiveCandleFeed(new LiveCandleFeedOptions { Symbols = symbols, Intervals = intervals }, _clock, _loggers.CreateLogger<LiveCandleFeed>());
        var history = new TieredCandleHistory(
            _tiers.ReadOrder,
            new ExchangeCandleHistory(exchange.Klines, _clock),
            _clock,
            new TieredHistoryOptions { Exchange = exchange.Name, MaxServedLag = _persistence.MaxServedLag },
            _loggers.CreateLogger<TieredCandleHistory>());

        // Live vs official (issue 10 point 6): one log per series, written by the buffers (the one place
        // that sees every closed live candle and every official one of every series, chart open or not).
        var liveDeltas = new LiveDeltaLogSet(symbols, intervals);
        var buffers = new CandleBufferSet(symbols, intervals, _persistence.BufferCandles, history, _clock, _loggers.CreateLogger<CandleBufferSet>(), liveDeltas);

        var fetcherOptions = new FetcherOptions
        {
            Exchange = exchange.Name,
            Symbols = symbols,
            Intervals = intervals,
            InitialCandles = _persistence.InitialCandles,
            CloseGrace = _persistence.FetchGrace,
            MaxBackfillCandles = _persistence.BackfillHorizonCandles,
            // Never wider than Redis keeps, or it would copy back what Redis just trimmed.
            ReconcileWindowCandles = Math.Min(_persistence.ReconcileWindowCandles, _persistence.RedisMaxCandlesPerSeries),
            ReconcileEvery = _persistence.ReconcileEvery,
        };

        return new Venue
        {
            Id = settings.Id,
            DisplayName = settings.Kind.ToString(),
            IsDefault = isDefault,
            Leadership = new VenueLeadership(_clock, _health.FeedMaxSilence),
            Exchange = exchange,
            Catalog = new SeriesCatalog(symbols, intervals),
            Feed = feed,
            Live = feed,
            History = history,
            Buffers = buffers,
            LiveDeltas = liveDeltas,
            IndicatorHistory = new IndicatorHistory(history),
            Indicators = new SharedIndicatorSet(
                new SharedIndicatorSources(feed, history, _bus, _clock, exchange.Name),
                // A chart draws this many candles on load; the calculator holds them and the warm-up before.
                _dashboard.HistoryCandles,
                _loggers.CreateLogger<SharedIndicatorSet>()),
            FetcherOptions = fetcherOptions,
            Fetcher = new OfficialKlineFetcher(exchange.Klines, _tiers.CommitOrder, _bus, fetcherOptions, _clock, _loggers.CreateLogger<OfficialKlineFetcher>()),
            Reconciler = new StoreReconciler(exchange.Klines, _tiers.CommitOrder, _bus, fetcherOptions, _clock, _loggers.CreateLogger<StoreReconciler>()),
        };
    }
}
