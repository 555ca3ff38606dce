using CandleDashboard.Exchange.Kraken.Rest;

namespace CandleDashboard.Exchange.Kraken;

/// <summary>
/// Settings of the Kraken spot adapter, bound from the configuration section
/// <see cref="SectionName"/>. Defaults point at the real exchange; tests override the two URIs.
/// Which symbols to follow is configured elsewhere (the host passes them to the feed).
/// </summary>
public sealed class KrakenOptions
{
    public const string SectionName = "Exchange:Kraken";

    /// <summary>The name candles from this venue are stored under (<see cref="Core.Exchange.IExchange.Name"/>).</summary>
    public string ExchangeName { get; set; } = "kraken";

    /// <summary>REST API root; requests go to <c>{root}/0/public/…</c>.</summary>
    public Uri RestBaseUri { get; set; } = new("https://api.kraken.com");

    /// <summary>The public WebSocket v2 endpoint itself (not a root: v2 lives at <c>/v2</c>).</summary>
    public Uri WebSocketUri { get; set; } = new("wss://ws.kraken.com/v2");

    /// <summary>
    /// Ask for the last 50 trades when subscribing: after a reconnect they fill the gap (repeats are
    /// dropped by id). A pair's first snapshot is not delivered (it predates the feed); it only
    /// teaches the deduplicator where the stream stands.
    /// </summary>
    public bool SnapshotOnSubscribe { get; set; } = true;

    /// <summary>Backoff before the first reconnect attempt after a drop (before jitter).</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Backoff ceiling.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Full jitter, so dashboards dropped by one exchange incident do not reconnect in lock-step.</summary>
    public bool ReconnectJitter { get; set; } = true;

    /// <summary>
    /// No message at all for this long means the connection is dead. Kraken sends a heartbeat every
    /// second while a channel is subscribed, so silence is never a quiet market. Zero disables it.
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Period of the application-level <c>{"method":"ping"}</c> (answered with a pong); zero disables it.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>WebSocket protocol keep-alive period.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound for the TCP + TLS + upgrade handshake of one attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A text message larger than this is discarded and counted as malformed (protects memory).</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;

    /// <summary>Timeout of one REST request.</summary>
    public TimeSpan RestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the AssetPairs answer (the pair-name map and symbol directory) is reused.</summary>
    public TimeSpan PairsCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Kraken's call counter for this address: each public call adds 1, the counter decays at
    /// <see cref="CallCounterDecayPerSecond"/>, and a call that would pass this maximum is throttled
    /// (EAPI:Rate limit exceeded). Kraken's documented starter tier is 15 decaying by 0.33/s.
    /// </summary>
    public double CallCounterMaximum { get; set; } = 15;

    /// <summary>Decay of the call counter per second (starter tier: 0.33, one call per 3 s sustained).</summary>
    public double CallCounterDecayPerSecond { get; set; } = 0.33;

    /// <summary>
    /// Share of the counter background requests (catch-up, reconcile) may fill; past it they wait, so
    /// chart loads, which a trader waits for, still find room.
    /// </summary>
    public double BackgroundCounterShare { get; set; } = 0.6;

    /// <summary>A foreground request waits at most this long for room in the counter; longer waits fail fast.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>After Kraken answers EAPI:Rate limit exceeded, no request is sent for this long (calling on extends the lockout).</summary>
    public TimeSpan RateLimitPenalty { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Candles built from trades (15s/30s, and ranges older than the OHLC window) read the trades of this
    /// much time before the range too, so buckets at the range's start that had no trade are flat at the
    /// price before them, as Kraken publishes empty buckets. At least 1 minute: when nothing traded in it,
    /// the price comes from the 1m OHLC row before (inside its window; older ranges then begin at their
    /// first trade). Longer costs more trade pages on a busy pair.
    /// </summary>
    public TimeSpan TradeCandlesSeedLookback { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Most trades one candle request reads from the Trades endpoint (1,000 per call) when a background
    /// caller (the fetcher, the reconciler) asks. Past it the request returns the complete buckets read
    /// so far and the caller asks again from there; a bucket alone holding more is an error, never a
    /// partial candle.
    /// </summary>
    public int TradeCandlesMaxTrades { get; set; } = 50_000;

    /// <summary>The same bound for a foreground request (a chart load): a trader should not wait minutes.</summary>
    public int TradeCandlesMaxTradesForeground { get; set; } = 5_000;

    /// <summary>Returns a list of problems, empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ExchangeName is not { Length: >= 2 and <= 20 } || !ExchangeName.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
        {
            problems.Add($"{nameof(ExchangeName)} must be 2-20 lower-case letters or digits.");
        }

        if (RestBaseUri is not { IsAbsoluteUri: true } || (RestBaseUri.Scheme != Uri.UriSchemeHttp && RestBaseUri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{nameof(RestBaseUri)} must be an absolute http(s) URI.");
        }

        if (WebSocketUri is not { IsAbsoluteUri: true } || (WebSocketUri.Scheme != "ws" && WebSocketUri.Scheme != "wss"))
        {
            problems.Add($"{nameof(WebSocketUri)} must be an absolute ws(s) URI.");
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            problems.Add($"{nameof(ReconnectInitialDelay)} must be positive and not above {nameof(ReconnectMaxDelay)}.");
        }

        if (ReceiveTimeout < TimeSpan.Zero || PingInterval < TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || RestTimeout <= TimeSpan.Zero)
        {
            problems.Add("Connect and REST timeouts must be positive; receive timeout and ping interval not negative.");
        }

        if (MaxMessageBytes < 1024)
        {
            problems.Add($"{nameof(MaxMessageBytes)} must be at least 1024.");
        }

        if (CallCounterMaximum < 1 || CallCounterDecayPerSecond <= 0)
        {
            problems.Add($"{nameof(CallCounterMaximum)} must be at least 1 and {nameof(CallCounterDecayPerSecond)} positive.");
        }

        if (BackgroundCounterShare is <= 0 or > 1)
        {
            problems.Add($"{nameof(BackgroundCounterShare)} must be above 0 and at most 1.");
        }

        if (MaxRateLimitWait < TimeSpan.Zero || RateLimitPenalty < TimeSpan.Zero || PairsCacheDuration < TimeSpan.Zero)
        {
            problems.Add("Rate-limit wait, penalty and pairs cache duration must not be negative.");
        }

        if (TradeCandlesSeedLookback < TimeSpan.FromMinutes(1))
        {
            problems.Add($"{nameof(TradeCandlesSeedLookback)} must be at least 1 minute (the 1m OHLC row before covers the rest).");
        }

        if (TradeCandlesMaxTrades < KrakenTradePage.MaxTrades || TradeCandlesMaxTradesForeground < KrakenTradePage.MaxTrades)
        {
            problems.Add($"{nameof(TradeCandlesMaxTrades)} and {nameof(TradeCandlesMaxTradesForeground)} must be at least one page ({KrakenTradePage.MaxTrades}).");
        }

        return problems;
    }
}
