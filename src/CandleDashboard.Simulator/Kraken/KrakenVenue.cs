using CandleDashboard.Simulator.Generation;
using CandleDashboard.Simulator.Market;
using CandleDashboard.Simulator.Replay;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// The simulator's Kraken: its listed pairs (each a <see cref="SymbolMarket"/> over Kraken's intervals with
/// generated history), their own seeded walks (independent of Binance's) or the replay of a saved Kraken
/// Trades response, the tape, the v2 hub, and the REST and WebSocket endpoints on the shared host.
/// </summary>
internal sealed class KrakenVenue
{
    private readonly SimulatorOptions _options;
    private readonly List<(SymbolMarket Market, PriceWalk Walk)> _walked;
    private readonly KrakenPair? _replayPair;
    private readonly List<KrakenTrade> _replayRows;
    private readonly KrakenTape _tape;

    private KrakenVenue(SimulatorOptions options, KrakenPairs pairs, List<(SymbolMarket, PriceWalk)> walked, KrakenPair? replayPair, List<KrakenTrade> replayRows)
    {
        _options = options;
        Pairs = pairs;
        _walked = walked;
        _replayPair = replayPair;
        _replayRows = replayRows;
        Hub = new KrakenHub();
        _tape = new KrakenTape(pairs.Listed.ToDictionary(p => p.Market), Hub);
        if (replayPair is not null)
        {
            _tape.AddReplayDetails(replayPair.Market, replayRows);
        }
    }

    public KrakenPairs Pairs { get; }

    public KrakenHub Hub { get; }

    public static KrakenVenue Build(SimulatorOptions options, long historyStart, long startTime)
    {
        var (replayName, replayRows) = options.KrakenReplayFile is null ? ("", []) : KrakenTradesFileReader.Read(options.KrakenReplayFile);
        var profiles = new List<KrakenPairProfile>();
        KrakenPairProfile? replayProfile = null;
        if (options.KrakenReplayFile is not null)
        {
            replayProfile = KrakenPairProfile.For(replayName) ?? throw new ArgumentException($"'{replayName}' in {options.KrakenReplayFile} is not a pair name.", nameof(options));
            profiles.Add(replayProfile);
        }

        foreach (var name in options.KrakenSymbols)
        {
            var profile = KrakenPairProfile.For(name) ?? throw new ArgumentException($"'{name}' is not a valid Kraken symbol.", nameof(options));
            if (profiles.All(p => p.Symbol != profile.Symbol))
            {
                profiles.Add(profile);
            }
        }

        var built = profiles.Select(p => (
            Profile: p,
            Market: new SymbolMarket(p.WalkProfile, KrakenIntervals.Lengths, historyStart, startTime, options),
            Walk: new PriceWalk(p.WalkProfile, PriceWalk.SeedFor(options.Seed, "kraken:" + p.Symbol)))).ToList();
        var pairs = built.Select(b => new KrakenPair(b.Profile, b.Market, options.KrakenMaxTradesPerPair)).ToList();
        Parallel.For(0, built.Count, i =>
        {
            var history = HistoryGenerator.Generate(built[i].Walk, KrakenIntervals.Lengths, firstTradeId: 1, historyStart, startTime, options);
            if (built[i].Profile == replayProfile && replayRows.Count > 0)
            {
                history = ExchangeSimulator.JoinToReplay(history, replayRows[0].Trade);
            }

            pairs[i].RecordHistory(history.Select(t => KrakenTrade.Generated(t)).ToList());
        });

        var replaying = replayProfile is not null && replayRows.Count > 0;
        var walked = built.Where(b => !replaying || b.Profile != replayProfile).Select(b => (b.Market, b.Walk)).ToList();
        return new KrakenVenue(options, new KrakenPairs(pairs), walked, replaying ? pairs[0] : null, replayRows);
    }

    public void Map(IEndpointRouteBuilder app, CancellationToken stopping)
    {
        var limiter = new KrakenRateLimiter(_options.KrakenRateLimitMaximum, _options.KrakenRateLimitDecayPerSecond, _options.TimeProvider);
        new KrakenRestApi(Pairs, limiter, _options.TimeProvider).Map(app);
        new KrakenSocketEndpoint(Hub, Pairs, _options, stopping).Map(app);
    }

    /// <summary>Starts the walk of every pair not replayed, the replay, and the heartbeats.</summary>
    public IEnumerable<Task> Start(long startTime, CancellationToken stopping)
    {
        var timeProvider = _options.TimeProvider;
        yield return Task.Run(() => new LiveTradeGenerator(_walked, _tape, _options, _options.KrakenTradesPerSecondPerPair).RunAsync(startTime, stopping));
        if (_replayPair is not null)
        {
            var rows = _replayRows.Select(r => r.Trade).ToList();
            var replay = new ReplayTradeSource(_replayPair.Market, rows, _options.ReplaySpeed, _tape, timeProvider);
            var replayStart = startTime + (long)_options.ReplayDelay.TotalMilliseconds;
            yield return Task.Run(() => replay.RunAsync(replayStart, stopping));
        }

        yield return Task.Run(() => Hub.RunHeartbeatsAsync(timeProvider, stopping));
    }
}
