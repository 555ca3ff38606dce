using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Binance.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance.Rest;

/// <summary>
/// Official klines and the symbol list from Binance's spot REST API (a typed HttpClient).
/// Respects the exchange's rate limits: a 429/418 blocks further calls locally until its
/// Retry-After has passed, because calling again early is what turns a 429 into an IP ban.
/// </summary>
public sealed class BinanceKlineClient : IKlineSource
{
    /// <summary>Binance's page size cap for /api/v3/klines.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Binance's default request-weight budget per minute; used only to warn early.</summary>
    private const int WeightBudgetPerMinute = 6000;

    /// <summary>Stay-away time when a 429/418 carries no Retry-After.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly BinanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BinanceKlineClient> _logger;
    private readonly LogThrottle _weightWarnings;
    private readonly string _restRoot;
    private long _blockedUntilMs;
    private int _lastUsedWeight = -1;
    private SymbolsSnapshot? _symbols;

    public BinanceKlineClient(HttpClient http, IOptions<BinanceOptions> options, TimeProvider timeProvider, ILogger<BinanceKlineClient> logger)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _weightWarnings = new LogThrottle(timeProvider, TimeSpan.FromMinutes(1));
        _restRoot = _options.RestBaseUri.AbsoluteUri.TrimEnd('/');
    }

    public IReadOnlyList<Interval> SupportedIntervals => BinanceIntervals.Supported;

    /// <summary>The last <c>X-MBX-USED-WEIGHT-1M</c> the exchange reported, or null before any response.</summary>
    public int? LastUsedWeight1m => Volatile.Read(ref _lastUsedWeight) is var w and >= 0 ? w : null;

    /// <exception cref="BinanceUnknownSymbolException">The exchange does not list the symbol.</exception>
    /// <exception cref="BinanceRateLimitException">Throttled or banned; see RetryAfter.</exception>
    /// <exception cref="BinanceApiException">Any other error answer.</exception>
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
        return BinanceKlineParser.Parse(body, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// All klines with open time in [<paramref name="startTime"/>, <paramref name="endTime"/>], fetched
    /// page by page (1000 per request, each page starting after the previous one's last open time).
    /// Stops at <paramref name="maxCandles"/> so a careless range cannot spend the whole weight budget.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetKlineRangeAsync(
        string symbol,
        Interval interval,
        long startTime,
        long endTime,
        CancellationToken cancellationToken,
        int maxCandles = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(endTime, startTime);
        var all = new List<Candle>();
        var cursor = startTime;
        while (cursor <= endTime && all.Count < maxCandles)
        {
            var pageSize = Math.Min(MaxPageSize, maxCandles - all.Count);
            var page = await GetKlinesAsync(symbol, interval, cursor, endTime, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var candle in page)
            {
                // A server that ignored startTime would otherwise make us loop or repeat candles.
                if (candle.OpenTime >= cursor && candle.OpenTime <= endTime)
                {
                    all.Add(candle);
                }
            }

            if (page.Count < pageSize || page[^1].OpenTime < cursor)
            {
                break; // a short page means the range (or the exchange's history) is exhausted
            }

            cursor = page[^1].OpenTime + interval.Milliseconds;
        }

        return all;
    }

    /// <summary>Symbols with status TRADING; cached for <see cref="BinanceOptions.SymbolsCacheDuration"/>.</summary>
    public async Task<IReadOnlyList<string>> GetSymbolsAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_symbols is { } cached && now - cached.FetchedAt < _options.SymbolsCacheDuration)
        {
            return cached.Symbols;
        }

        var body = await SendAsync($"{_restRoot}/api/v3/exchangeInfo", symbol: null, cancellationToken).ConfigureAwait(false);
        var symbols = BinanceExchangeInfoParser.ParseTradingSymbols(body).AsReadOnly();
        _symbols = new SymbolsSnapshot(symbols, now);
        return symbols;
    }

    private async Task<byte[]> SendAsync(string uri, string? symbol, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            ThrowIfBlocked();
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            RecordUsedWeight(response);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var hasError = BinanceErrorBodyParser.TryParse(body, out var code, out var message);
            var apiMessage = hasError ? message : response.ReasonPhrase ?? "no reason given";
            if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
            {
                var retryAfter = RetryAfter(response.Headers.RetryAfter);
                Block(retryAfter);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt == 0 && retryAfter <= _options.MaxRetryAfterWait)
                {
                    _logger.LogWarning("Binance rate limit hit; waiting {RetryAfter} before one retry.", retryAfter);
                    await Task.Delay(retryAfter, _timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _logger.LogWarning("Binance rate limit (HTTP {Status}); requests blocked for {RetryAfter}.", (int)response.StatusCode, retryAfter);
                throw new BinanceRateLimitException(response.StatusCode, hasError ? code : null, apiMessage, retryAfter);
            }

            if (hasError && code == BinanceUnknownSymbolException.InvalidSymbolCode && symbol is not null)
            {
                throw new BinanceUnknownSymbolException(symbol, response.StatusCode, apiMessage);
            }

            throw new BinanceApiException(response.StatusCode, hasError ? code : null, apiMessage);
        }
    }

    private void ThrowIfBlocked()
    {
        var remainingMs = Volatile.Read(ref _blockedUntilMs) - _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (remainingMs > 0)
        {
            throw new BinanceRateLimitException(
                HttpStatusCode.TooManyRequests,
                null,
                "Binance rate limit still in force; request not sent",
                TimeSpan.FromMilliseconds(remainingMs));
        }
    }

    private void Block(TimeSpan retryAfter)
    {
        var until = _timeProvider.GetUtcNow().Add(retryAfter).ToUnixTimeMilliseconds();
        Volatile.Write(ref _blockedUntilMs, Math.Max(Volatile.Read(ref _blockedUntilMs), until));
    }

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
        if (weight >= WeightBudgetPerMinute * 95 / 100)
        {
            // Stop before Binance answers 429 (and escalates to a ban): the weight counter resets
            // with the next minute, so requests are refused locally until then.
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            Block(TimeSpan.FromMilliseconds(Interval.OneMinute.Floor(now) + 60_000 - now));
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

    private sealed record SymbolsSnapshot(IReadOnlyList<string> Symbols, DateTimeOffset FetchedAt);
}
