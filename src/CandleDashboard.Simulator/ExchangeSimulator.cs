using System.Net;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Generation;
using CandleDashboard.Simulator.Kraken;
using CandleDashboard.Simulator.Market;
using CandleDashboard.Simulator.Replay;
using CandleDashboard.Simulator.Rest;
using CandleDashboard.Simulator.Streaming;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CandleDashboard.Simulator;

/// <summary>
/// A Binance-spot-speaking exchange on loopback, which speaks Kraken's public spot protocol too on the same
/// host (REST under <c>/0/public/</c>, WebSocket v2 at <c>/v2</c>): REST market data and WebSocket trade
/// streams fed by seeded random walks (or replayed trades files), with history ready at start. Host it in-process with
/// <see cref="StartAsync"/> or run the project as a process.
/// </summary>
public sealed class ExchangeSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StreamHub _hub;
    private readonly KrakenHub _krakenHub;
    private readonly CancellationTokenSource _stopping;
    private readonly List<Task> _sources = [];
    private long _restRequests;
    private long _klineRequests;
    private int _disposed;

    private ExchangeSimulator(WebApplication app, StreamHub hub, KrakenHub krakenHub, TradeTape tape, CancellationTokenSource stopping)
    {
        _app = app;
        _hub = hub;
        _krakenHub = krakenHub;
        _stopping = stopping;
        tape.Published += trade => TradePublished?.Invoke(trade);
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>; REST paths (<c>/api/v3/…</c>) are relative to it.</summary>
    public Uri RestBaseUri { get; private set; } = null!;

    /// <summary><c>ws://127.0.0.1:&lt;port&gt;</c>; stream paths are <c>/ws/…</c> and <c>/stream?streams=…</c>.</summary>
    public Uri WebSocketBaseUri { get; private set; } = null!;

    /// <summary>Every REST request served since start (WebSocket upgrades are not counted).</summary>
    /// <summary>Kraken's REST base, <c>http://127.0.0.1:&lt;port&gt;</c> (the same host): paths are <c>/0/public/OHLC</c>, <c>/0/public/Trades</c>, ….</summary>
    public Uri KrakenRestBaseUri { get; private set; } = null!;

    /// <summary>Kraken's WebSocket v2, <c>ws://127.0.0.1:&lt;port&gt;/v2</c> (Kraken: <c>wss://ws.kraken.com/v2</c>).</summary>
    public Uri KrakenWebSocketUri { get; private set; } = null!;

    public long RestRequestCount => Interlocked.Read(ref _restRequests);

    /// <summary>Kline requests served since start (<c>/api/v3/klines</c>): history, as opposed to time or exchangeInfo.</summary>
    public long KlineRequestCount => Interlocked.Read(ref _klineRequests);

    /// <summary>Open WebSocket connections, Binance streams and Kraken v2 together.</summary>
    public int OpenWebSocketCount => _hub.ConnectionCount + _krakenHub.ConnectionCount;

    /// <summary>Switches that make the REST API slow, hanging, failing or garbled (fault tests).</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>
    /// Raised after each live trade has been recorded and queued to every subscriber, on the generating
    /// thread: keep handlers short (count, timestamp), or they slow the tape down.
    /// </summary>
    public event Action<PublishedTrade>? TradePublished;

    public static async Task<ExchangeSimulator> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = ListedSymbols(options, out var replaySymbol);
        var timeProvider = options.TimeProvider;
        var startTime = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var historyStart = startTime - (long)options.HistoryLength.TotalMilliseconds;
        var replayRows = options.ReplayFile is null ? [] : TradeCsvReader.Read(options.ReplayFile);

        var listed = BuildMarkets(symbols, replaySymbol, replayRows, historyStart, startTime, options);
        var markets = listed.ToDictionary(s => s.Market.Symbol, s => s.Market, StringComparer.Ordinal);
        var kraken = KrakenVenue.Build(options, historyStart, startTime);
        var hub = new StreamHub();
        var tape = new TradeTape(hub, timeProvider);
        var stopping = new CancellationTokenSource();
        var app = BuildApp(options);
        var simulator = new ExchangeSimulator(app, hub, kraken.Hub, tape, stopping);
        app.Use((context, next) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                Interlocked.Increment(ref simulator._restRequests);
                if (context.Request.Path.StartsWithSegments("/api/v3/klines", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref simulator._klineRequests);
                }
            }

            return next(context);
        });
        app.Use((context, next) => RestFaultMiddleware.InvokeAsync(context, () => next(context), simulator.Faults));
        new RestApi(markets, listed.Select(s => s.Market).ToList(), timeProvider).Map(app);
        new StreamEndpoint(hub, options, stopping.Token).Map(app);
        kraken.Map(app, stopping.Token);

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            // E.g. the port is taken: release what was built before reporting the failure.
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        simulator.RestBaseUri = new Uri($"http://127.0.0.1:{address.Port}");
        simulator.WebSocketBaseUri = new Uri($"ws://127.0.0.1:{address.Port}");
        simulator.KrakenRestBaseUri = simulator.RestBaseUri;
        simulator.KrakenWebSocketUri = new Uri($"ws://127.0.0.1:{address.Port}{KrakenSocketEndpoint.Path}");

        simulator.StartSources(listed, markets, replaySymbol, replayRows, tape, hub, startTime, options);
        simulator._sources.AddRange(kraken.Start(startTime, stopping.Token));
        return simulator;
    }

    /// <summary>One market and walk per symbol, each with its history already recorded.</summary>
    private static List<(SymbolMarket Market, PriceWalk Walk)> BuildMarkets(
        List<string> symbols, string? replaySymbol, List<SimTrade> replayRows, long historyStart, long startTime, SimulatorOptions options)
    {
        var listed = symbols
            .Select(s => (Market: new SymbolMarket(SymbolProfile.For(s), BinanceIntervals.Lengths, historyStart, startTime, options), Walk: new PriceWalk(SymbolProfile.For(s), PriceWalk.SeedFor(options.Seed, s))))
            .ToList();

        // Each symbol's history is independent, so they are built side by side to keep startup short.
        Parallel.ForEach(listed, s =>
        {
            var history = HistoryGenerator.Generate(s.Walk, BinanceIntervals.Lengths, firstTradeId: 1, historyStart, startTime, options);
            if (s.Market.Symbol == replaySymbol && replayRows.Count > 0)
            {
                history = JoinToReplay(history, replayRows[0]);
            }

            s.Market.RecordAll(history);
        });
        return listed;
    }

    /// <summary>Starts the live tape: the walk for every symbol not replayed, the replay, and the kline streams.</summary>
    private void StartSources(
        List<(SymbolMarket Market, PriceWalk Walk)> listed,
        IReadOnlyDictionary<string, SymbolMarket> markets,
        string? replaySymbol,
        List<SimTrade> replayRows,
        TradeTape tape,
        StreamHub hub,
        long startTime,
        SimulatorOptions options)
    {
        var replaying = replaySymbol is not null && replayRows.Count > 0;
        var walked = listed.Where(s => !replaying || s.Market.Symbol != replaySymbol).ToList();

        // From here on each fed symbol's klines close only as its source moves on (see SymbolMarket.Watermark).
        if (LiveTradeGenerator.RatePerSymbol(options, walked.Count) > 0)
        {
            walked.ForEach(s => s.Market.SetWatermark(startTime));
        }

        var stopping = _stopping.Token;
        _sources.Add(Task.Run(() => new LiveTradeGenerator(walked, tape, options).RunAsync(startTime, stopping)));
        if (replaying)
        {
            markets[replaySymbol!].SetWatermark(startTime);
            var replay = new ReplayTradeSource(markets[replaySymbol!], replayRows, options.ReplaySpeed, tape, options.TimeProvider);
            var replayStart = startTime + (long)options.ReplayDelay.TotalMilliseconds;
            _sources.Add(Task.Run(() => replay.RunAsync(replayStart, stopping)));
        }

        var klineStreams = new KlineStreamPublisher(hub, markets, options.TimeProvider);
        _sources.Add(Task.Run(() => klineStreams.RunAsync(stopping)));
    }

    /// <summary>Aborts every WebSocket connection at once (no close handshake) and waits until they are gone.</summary>
    public async Task DisconnectAllAsync()
    {
        var connections = _hub.Connections.Cast<WebSocketSession>().Concat(_krakenHub.Sessions).ToList();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        await Task.WhenAll(connections.Select(c => c.Completion));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await DisconnectAllAsync();
        await Task.WhenAll(_sources);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static WebApplication BuildApp(SimulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Hosted inside the web app, the default sources would hand the simulator the app's appsettings.json and
        // environment (e.g. Kestrel endpoints) and make it bind the app's ports. It is configured by options only.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.UseWebSockets();
        return app;
    }

    private static List<string> ListedSymbols(SimulatorOptions options, out string? replaySymbol)
    {
        var symbols = new List<string>();
        foreach (var text in options.Symbols)
        {
            if (!Symbols.TryNormalize(text, out var symbol))
            {
                throw new ArgumentException($"'{text}' is not a valid symbol.", nameof(options));
            }

            if (!symbols.Contains(symbol))
            {
                symbols.Add(symbol);
            }
        }

        replaySymbol = null;
        if (options.ReplayFile is not null)
        {
            replaySymbol = ReplaySymbolOf(options, symbols);
            if (!symbols.Contains(replaySymbol))
            {
                symbols.Insert(0, replaySymbol);
            }
        }

        if (options.ReplaySpeed <= 0 || double.IsNaN(options.ReplaySpeed))
        {
            throw new ArgumentException("ReplaySpeed must be positive.", nameof(options));
        }

        return symbols;
    }

    /// <summary>The replayed symbol: explicit, else the file-name prefix (<c>BTCUSDT-trades-2021-01-01.csv</c>), else the first listed.</summary>
    private static string ReplaySymbolOf(SimulatorOptions options, List<string> symbols)
    {
        if (Symbols.TryNormalize(options.ReplaySymbol, out var explicitSymbol))
        {
            return explicitSymbol;
        }

        var prefix = Path.GetFileName(options.ReplayFile!).Split('-', '_', '.')[0];
        if (Symbols.TryNormalize(prefix, out var fromName))
        {
            return fromName;
        }

        return symbols.FirstOrDefault() ?? throw new ArgumentException("Cannot tell which symbol the replay file trades; set ReplaySymbol.", nameof(options));
    }

    /// <summary>
    /// Shifts a generated history so it ends at the replay's first price and numbers it just below the
    /// replay's first id: the chart then runs from history into the replayed tape without a jump.
    /// </summary>
    internal static List<SimTrade> JoinToReplay(List<SimTrade> history, SimTrade firstReplayed)
    {
        if (history.Count == 0)
        {
            return history;
        }

        var shift = firstReplayed.PriceUnits - history[^1].PriceUnits;
        var firstId = firstReplayed.TradeId - history.Count;
        return history
            .Select((t, i) => t with { TradeId = firstId + i, PriceUnits = Math.Max(1, t.PriceUnits + shift) })
            .ToList();
    }
}
