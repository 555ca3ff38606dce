using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Binance.Parsing;
using CandleDashboard.Exchange.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance.Rest;

/// <summary>
/// Official klines and the symbol directory from Binance's spot REST API (a typed HttpClient).
/// Respects the exchange's rate limits: a 429/418 blocks further calls locally until its
/// Retry-After has passed, because calling again early is what turns a 429 into an IP ban.
/// Every failure leaves as one of the core's <see cref="ExchangeException"/>s.
/// </summary>
public sealed class BinanceRestClient : IKlineSource, ISymbolDirectory, IServerTime
{
    /// <summary>Binance's page size cap for /api/v3/klines.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Binance's error code for a symbol it does not list.</summary>
    private const int InvalidSymbolCode = -1121;

    /// <summary>Binance's default request-weight budget per minute; used only to warn early.</summary>
    private const int WeightBudgetPerMinute = 6000;

    /// <summary>Stay-away time when a 429/418 carries no Retry-After.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);

    private readonly BinanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BinanceRestClient> _logger;
    private readonly LogThrottle _weightWarnings;
    private readonly RestTransport _transport;
    private readonly RateLimitBlock _block;
    private readonly string _restRoot;
    private int _lastUsedWeight = -1;
    private long _lastUsedWeightMinute = -1;
    private long _backgroundPauses;
    private SymbolsSnapshot? _symbols;
    private readonly Lock _symbolsGate = new();
    private Task<IReadOnlyList<SymbolInfo>>? _symbolsLoad;

    public BinanceRestClient(HttpClient http, IOptions<BinanceOptions> options, TimeProvider timeProvider, ILogger<BinanceRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _weightWarnings = new LogThrottle(timeProvider, TimeSpan.FromMinutes(1));
        _restRoot = _options.RestBaseUri.AbsoluteUri.TrimEnd('/');
        _transport = new RestTransport(http, _options.ExchangeName);
        _block = new RateLimitBlock(timeProvider, _options.ExchangeName);
    }

    public IReadOnlyList<Interval> SupportedIntervals => BinanceIntervals.Supported;

    public int MaxKlinesPerRequest => MaxPageSize;

    private string Exchange => _options.ExchangeName;

    /// <summary>The last <c>X-MBX-USED-WEIGHT-1M</c> the exchange reported, or null before any response.</summary>
    public int? LastUsedWeight1m => Volatile.Read(ref _lastUsedWeight) is var w and >= 0 ? w : null;

    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(
        string symbol,
        Interval interval,
        long? startTime,
        long? endTime,
        int limit,
        CancellationToken cancellationToken)
    {
        if (!Symbols.TryNormalize(symbol, out var normalized))
        {
            throw new ArgumentException($"'{symbol}' is not a valid symbol.", nameof(symbol));
        }

        if (!BinanceIntervals.IsSupported(interval))
        {
            throw new ArgumentException($"Binance does not serve {interval} klines; resample them from a finer interval.", nameof(interval));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"{_restRoot}/api/v3/klines?symbol={normalized}&interval={interval.Code}&limit={limit}");
        if (startTime is { } start)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&startTime={start}");
        }

        if (endTime is { } end)
        {
            query += string.Create(CultureInfo.InvariantCulture, $"&endTime={end}");
        }

        var body = await SendAsync(query, normalized, cancellationToken).ConfigureAwait(false);
        try
        {
            return BinanceKlineParser.Parse(body, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (FormatException ex)
        {
            throw new ExchangeException(Exchange, $"{Exchange} sent a klines answer that could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>The exchange's clock (<c>GET /api/v3/time</c>, weight 1).</summary>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync($"{_restRoot}/api/v3/time", symbol: null, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return DateTimeOffset.FromUnixTimeMilliseconds(document.RootElement.GetProperty("serverTime").GetInt64());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            throw new ExchangeException(Exchange, $"{Exchange} sent a time answer that could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Every listed symbol from exchangeInfo; cached for <see cref="BinanceOptions.SymbolsCacheDuration"/>.
    /// Callers arriving while it loads share the one request (it weighs 20: a page of charts
    /// reconnecting at once must not each ask), which no single caller's cancellation stops.
    /// </summary>
    public Task<IReadOnlyList<SymbolInfo>> GetSymbolsAsync(CancellationToken cancellationToken)
    {
        if (_symbols is { } cached && _timeProvider.GetUtcNow() - cached.FetchedAt < _options.SymbolsCacheDuration)
        {
            return Task.FromResult(cached.Symbols);
        }

        Task<IReadOnlyList<SymbolInfo>> load;
        lock (_symbolsGate)
        {
            if (_symbolsLoad is null || _symbolsLoad.IsCompleted)
            {
                _symbolsLoad = LoadSymbolsAsync();
            }

            load = _symbolsLoad;
        }

        return load.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SymbolInfo>> LoadSymbolsAsync()
    {
        var now = _timeProvider.GetUtcNow();
        var body = await SendAsync($"{_restRoot}/api/v3/exchangeInfo", symbol: null, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<SymbolInfo> symbols;
        try
        {
            symbols = BinanceExchangeInfoParser.Parse(body).AsReadOnly();
        }
        catch (FormatException ex)
        {
            throw new ExchangeException(Exchange, $"{Exchange} sent an exchangeInfo answer that could not be read: {ex.Message}", ex);
        }

        _symbols = new SymbolsSnapshot(symbols, now);
        return symbols;
    }

    private async Task<byte[]> SendAsync(string uri, string? symbol, CancellationToken cancellationToken)
    {
        await PaceBackgroundAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            _block.ThrowIfBlocked();
            using var response = await _transport.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            RecordUsedWeight(response);
            var body = await _transport.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var hasError = BinanceErrorBodyParser.TryParse(body, out var code, out var message);
            var apiMessage = hasError ? message : response.ReasonPhrase ?? "no reason given";
            if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
            {
                var retryAfter = RetryAfter(response.Headers.RetryAfter);
                _block.Block(retryAfter);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt == 0 && retryAfter <= _options.MaxRetryAfterWait)
                {
                    _logger.LogWarning("Binance rate limit hit; waiting {RetryAfter} before one retry.", retryAfter);
                    await Task.Delay(retryAfter, _timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _logger.LogWarning("Binance rate limit (HTTP {Status}); requests blocked for {RetryAfter}.", (int)response.StatusCode, retryAfter);
                throw new ExchangeRateLimitException(Exchange, retryAfter, response.StatusCode == (HttpStatusCode)418, apiMessage);
            }

            if (hasError && code == InvalidSymbolCode && symbol is not null)
            {
                throw new UnknownSymbolException(Exchange, symbol, apiMessage);
            }

            if ((int)response.StatusCode >= 500)
            {
                throw new ExchangeUnavailableException(Exchange, $"{Exchange} answered HTTP {(int)response.StatusCode}: {apiMessage}");
            }

            throw new ExchangeRejectedException(Exchange, (int)response.StatusCode, hasError ? code.ToString(CultureInfo.InvariantCulture) : null, apiMessage);
        }
    }

    /// <summary>
    /// Background requests (<see cref="ExchangeRequestPriority"/>) wait for the next minute once this
    /// minute's used weight passes <see cref="BinanceOptions.BackgroundWeightShare"/> of the budget: a
    /// catch-up of thousands of pages then spreads over minutes, and chart loads find weight left.
    /// </summary>
    private async Task PaceBackgroundAsync(CancellationToken cancellationToken)
    {
        if (!ExchangeRequestPriority.IsBackground)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = Interval.OneMinute.Floor(now);
        if (Volatile.Read(ref _lastUsedWeightMinute) == minute
            && Volatile.Read(ref _lastUsedWeight) >= WeightBudgetPerMinute * _options.BackgroundWeightShare)
        {
            Interlocked.Increment(ref _backgroundPauses);
            await Task.Delay(TimeSpan.FromMilliseconds(minute + 60_000 - now), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Times a background request waited for the next minute's weight.</summary>
    public long BackgroundPauses => Interlocked.Read(ref _backgroundPauses);

    private TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return DefaultRetryAfter;
    }

    private void RecordUsedWeight(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values)
            || !int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            return;
        }

        Volatile.Write(ref _lastUsedWeight, weight);
        Volatile.Write(ref _lastUsedWeightMinute, Interval.OneMinute.Floor(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        if (weight >= WeightBudgetPerMinute * 95 / 100)
        {
            // Stop before Binance answers 429 (and escalates to a ban): the weight counter resets
            // with the next minute, so requests are refused locally until then.
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            _block.Block(TimeSpan.FromMilliseconds(Interval.OneMinute.Floor(now) + 60_000 - now));
        }

        if (weight > WeightBudgetPerMinute * 8 / 10 && _weightWarnings.TryEnter(out var suppressed))
        {
            _logger.LogWarning(
                "Binance request weight {Weight}/{Budget} used this minute ({Suppressed} similar warnings suppressed).",
                weight,
                WeightBudgetPerMinute,
                suppressed);
        }
    }

    private sealed record SymbolsSnapshot(IReadOnlyList<SymbolInfo> Symbols, DateTimeOffset FetchedAt);
}
