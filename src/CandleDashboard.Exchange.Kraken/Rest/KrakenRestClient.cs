using System.Globalization;
using System.Net;
using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Pairs;
using CandleDashboard.Exchange.Kraken.Parsing;
using CandleDashboard.Exchange.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken.Rest;

/// <summary>
/// Kraken's public REST API (a typed HttpClient): official OHLC, trade history pages, the pair map
/// and symbol directory from AssetPairs, and the server clock. Requests are paced by a local copy
/// of Kraken's decaying call counter; Kraken's own "EAPI:Rate limit exceeded" blocks every further
/// call for <see cref="KrakenOptions.RateLimitPenalty"/>. Every failure leaves as one of the core's
/// <see cref="ExchangeException"/>s.
/// </summary>
public sealed class KrakenRestClient : IKlineSource, ISymbolDirectory, IServerTime, IKrakenPairSource
{
    /// <summary>Kraken serves only the newest 720 candles of an interval, however far back <c>since</c> points.</summary>
    public const int OhlcWindow = 720;

    private readonly KrakenOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KrakenRestClient> _logger;
    private readonly string _publicRoot;
    private readonly KrakenCallCounter _counter;
    private readonly RestTransport _transport;
    private readonly RateLimitBlock _block;
    private readonly Lock _pairsGate = new();
    private PairsSnapshot? _pairs;
    private Task<KrakenPairMap>? _pairsLoad;
    private long _rateLimitWaits;

    public KrakenRestClient(HttpClient http, IOptions<KrakenOptions> options, TimeProvider timeProvider, ILogger<KrakenRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _publicRoot = _options.RestBaseUri.AbsoluteUri.TrimEnd('/') + "/0/public/";
        _counter = new KrakenCallCounter(timeProvider, _options.CallCounterMaximum, _options.CallCounterDecayPerSecond);
        _transport = new RestTransport(http, _options.ExchangeName);
        _block = new RateLimitBlock(timeProvider, _options.ExchangeName);
    }

    public IReadOnlyList<Interval> SupportedIntervals => KrakenIntervals.Supported;

    /// <summary>One OHLC request returns at most Kraken's 720-candle window.</summary>
    public int MaxKlinesPerRequest => OhlcWindow;

    /// <summary>The local call counter (for the admin page and tests).</summary>
    public KrakenCallCounter CallCounter => _counter;

    /// <summary>Times a request waited for room in the call counter.</summary>
    public long RateLimitWaits => Interlocked.Read(ref _rateLimitWaits);

    private string Exchange => _options.ExchangeName;

    /// <summary>
    /// Official candles with open time in [start, end], oldest first, at most <paramref name="limit"/>.
    /// Kraken's OHLC returns only the newest 720 candles of the interval: a start older than that
    /// window yields the window's candles only (older ones must be built from <see cref="GetTradesAsync"/>).
    /// Without a start, the newest <paramref name="limit"/> candles (the last one usually forming).
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(
        string symbol,
        Interval interval,
        long? startTime,
        long? endTime,
        int limit,
        CancellationToken cancellationToken)
    {
        var minutes = KrakenIntervals.MinutesOf(interval);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, OhlcWindow);
        var pair = await ResolveAsync(symbol, cancellationToken).ConfigureAwait(false);

        var query = string.Create(CultureInfo.InvariantCulture, $"OHLC?pair={pair.RestName}&interval={minutes}");
        if (startTime is { } start)
        {
            // One second before the start, whether Kraken's since is inclusive or not; the filter below trims.
            query += string.Create(CultureInfo.InvariantCulture, $"&since={Math.Max(0, (start / 1000) - 1)}");
        }

        using var envelope = await SendAsync(query, pair.Symbol, cancellationToken).ConfigureAwait(false);
        List<Candle> candles;
        try
        {
            candles = KrakenOhlcParser.Parse(envelope.Result!.Value, out _);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException)
        {
            throw Malformed("OHLC", ex);
        }

        var inRange = candles.Where(c => c.OpenTime >= (startTime ?? long.MinValue) && c.OpenTime <= (endTime ?? long.MaxValue));
        return startTime is null ? [.. inRange.TakeLast(limit)] : [.. inRange.Take(limit)];
    }

    /// <summary>
    /// One page of trade history from <paramref name="sinceCursor"/> (Kraken's nanosecond cursor:
    /// the previous page's <see cref="KrakenTradePage.NextCursor"/>, or
    /// <see cref="KrakenTradesParser.CursorAt"/> of a time; null for the newest trades). For building
    /// candles older than the OHLC window: page until a trade passes the end of the gap.
    /// </summary>
    public async Task<KrakenTradePage> GetTradesAsync(string symbol, long? sinceCursor, CancellationToken cancellationToken)
    {
        var pair = await ResolveAsync(symbol, cancellationToken).ConfigureAwait(false);
        var query = $"Trades?pair={pair.RestName}";
        if (sinceCursor is { } since)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(since, nameof(sinceCursor));
            query += "&since=" + KrakenTradesParser.Format(since);
        }

        using var envelope = await SendAsync(query, pair.Symbol, cancellationToken).ConfigureAwait(false);
        try
        {
            return KrakenTradesParser.Parse(envelope.Result!.Value, pair.Symbol);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException)
        {
            throw Malformed("Trades", ex);
        }
    }

    /// <summary>Kraken's clock (<c>GET /0/public/Time</c>).</summary>
    /// <remarks>
    /// Kraken reports whole seconds only; the middle of that second is returned as the best guess,
    /// so a measurement against it is good to ±0.5 s, not to the millisecond.
    /// </remarks>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken)
    {
        using var envelope = await SendAsync("Time", symbol: null, cancellationToken).ConfigureAwait(false);
        try
        {
            var seconds = KrakenJson.Int64(envelope.Result!.Value.GetProperty("unixtime"), "unixtime");
            return DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(500);
        }
        catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw Malformed("Time", ex);
        }
    }

    public async Task<IReadOnlyList<SymbolInfo>> GetSymbolsAsync(CancellationToken cancellationToken)
    {
        var map = await GetPairMapAsync(cancellationToken).ConfigureAwait(false);
        return [.. map.Pairs.Select(p => p.ToSymbolInfo())];
    }

    /// <summary>
    /// The pair-name map from AssetPairs, reused for <see cref="KrakenOptions.PairsCacheDuration"/>;
    /// concurrent callers share one in-flight request, which no single caller's cancellation stops.
    /// </summary>
    public Task<KrakenPairMap> GetPairMapAsync(CancellationToken cancellationToken)
    {
        if (_pairs is { } cached && _timeProvider.GetUtcNow() - cached.FetchedAt < _options.PairsCacheDuration)
        {
            return Task.FromResult(cached.Map);
        }

        Task<KrakenPairMap> load;
        lock (_pairsGate)
        {
            if (_pairsLoad is null || _pairsLoad.IsCompleted)
            {
                _pairsLoad = LoadPairsAsync();
            }

            load = _pairsLoad;
        }

        return load.WaitAsync(cancellationToken);
    }

    private async Task<KrakenPairMap> LoadPairsAsync()
    {
        var now = _timeProvider.GetUtcNow();
        using var envelope = await SendAsync("AssetPairs", symbol: null, CancellationToken.None).ConfigureAwait(false);
        KrakenPairMap map;
        try
        {
            map = new KrakenPairMap(KrakenAssetPairsParser.Parse(envelope.Result!.Value));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw Malformed("AssetPairs", ex);
        }

        _pairs = new PairsSnapshot(map, now);
        return map;
    }

    private async Task<KrakenPair> ResolveAsync(string symbol, CancellationToken cancellationToken)
    {
        if (!Symbols.TryNormalize(symbol, out var normalized))
        {
            throw new ArgumentException($"'{symbol}' is not a valid symbol.", nameof(symbol));
        }

        var map = await GetPairMapAsync(cancellationToken).ConfigureAwait(false);
        return map.TryGetBySymbol(normalized, out var pair)
            ? pair
            : throw new UnknownSymbolException(Exchange, normalized, "not in Kraken's AssetPairs");
    }

    /// <summary>Sends one public GET and returns the envelope of a successful answer; every failure as a core exception.</summary>
    private async Task<KrakenEnvelope> SendAsync(string pathAndQuery, string? symbol, CancellationToken cancellationToken)
    {
        _block.ThrowIfBlocked();
        await TakeCallAsync(cancellationToken).ConfigureAwait(false);
        using var response = await _transport.GetAsync(_publicRoot + pathAndQuery, cancellationToken).ConfigureAwait(false);
        var body = await _transport.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw RateLimited($"HTTP 429 {response.ReasonPhrase}");
        }

        if ((int)response.StatusCode >= 500)
        {
            throw new ExchangeUnavailableException(Exchange, $"{Exchange} answered HTTP {(int)response.StatusCode} to {Endpoint(pathAndQuery)}.");
        }

        KrakenEnvelope envelope;
        try
        {
            envelope = KrakenEnvelope.Parse(body);
        }
        catch (FormatException ex)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ExchangeRejectedException(Exchange, (int)response.StatusCode, null, response.ReasonPhrase ?? "no reason given");
            }

            throw Malformed(Endpoint(pathAndQuery), ex);
        }

        foreach (var warning in envelope.Warnings)
        {
            _logger.LogWarning("Kraken warned on {Endpoint}: {Warning}", Endpoint(pathAndQuery), warning);
        }

        if (envelope.Errors.Count == 0 && envelope.Result is not null)
        {
            return envelope;
        }

        envelope.Dispose();
        var (kind, error) = KrakenErrors.Worst(envelope.Errors);
        var (code, message) = KrakenErrors.Split(error);
        throw kind switch
        {
            KrakenErrorKind.RateLimited => RateLimited(error),
            KrakenErrorKind.UnknownPair when symbol is not null => new UnknownSymbolException(Exchange, symbol, error),
            KrakenErrorKind.Unavailable => new ExchangeUnavailableException(Exchange, $"{Exchange} is unavailable: {error}"),
            _ => new ExchangeRejectedException(Exchange, (int)response.StatusCode, code, message),
        };
    }

    /// <summary>
    /// Waits for room in the local call counter. Background requests may fill only
    /// <see cref="KrakenOptions.BackgroundCounterShare"/> of it and wait as long as that takes;
    /// a foreground request waits up to <see cref="KrakenOptions.MaxRateLimitWait"/> and otherwise
    /// fails fast, because a trader would rather see "try again" than a frozen chart.
    /// </summary>
    private async Task TakeCallAsync(CancellationToken cancellationToken)
    {
        var background = ExchangeRequestPriority.IsBackground;
        var ceiling = background ? Math.Max(1, _counter.Maximum * _options.BackgroundCounterShare) : _counter.Maximum;
        while (!_counter.TryTake(ceiling, out var wait))
        {
            if (!background && wait > _options.MaxRateLimitWait)
            {
                throw new ExchangeRateLimitException(Exchange, wait, isBanned: false, "local call counter full; request not sent");
            }

            Interlocked.Increment(ref _rateLimitWaits);
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            _block.ThrowIfBlocked();
        }
    }

    /// <summary>Kraken throttled us: fill our counter, refuse locally for the penalty, and tell the caller.</summary>
    private ExchangeRateLimitException RateLimited(string exchangeMessage)
    {
        _counter.Fill();
        _block.Block(_options.RateLimitPenalty);
        _logger.LogWarning("Kraken rate limit ({Message}); requests blocked for {Penalty}.", exchangeMessage, _options.RateLimitPenalty);
        return new ExchangeRateLimitException(Exchange, _options.RateLimitPenalty, isBanned: false, exchangeMessage);
    }

    private ExchangeException Malformed(string endpoint, Exception ex) =>
        new(Exchange, $"{Exchange} sent a {endpoint} answer that could not be read: {ex.Message}", ex);

    private static string Endpoint(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        return question < 0 ? pathAndQuery : pathAndQuery[..question];
    }

    private sealed record PairsSnapshot(KrakenPairMap Map, DateTimeOffset FetchedAt);
}
