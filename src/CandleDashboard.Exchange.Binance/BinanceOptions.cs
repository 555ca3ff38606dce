namespace CandleDashboard.Exchange.Binance;

/// <summary>
/// Settings of the Binance spot adapter, bound from the configuration section
/// <see cref="SectionName"/>. Defaults point at the real exchange; tests and the simulator
/// override the two base URIs.
/// </summary>
public sealed class BinanceOptions
{
    public const string SectionName = "Exchange:Binance";

    /// <summary>
    /// The name candles from this venue are stored under (<see cref="Core.Exchange.IExchange.Name"/>):
    /// <c>binance</c> for the real exchange; another name for anything else speaking its protocol
    /// (the simulator is <c>simulator</c>), so their candles never mix in shared stores.
    /// </summary>
    public string ExchangeName { get; set; } = "binance";

    /// <summary>REST API root (klines, exchangeInfo).</summary>
    public Uri RestBaseUri { get; set; } = new("https://api.binance.com");

    /// <summary>Market-data WebSocket root; the feed appends <c>/stream?streams=...</c>.</summary>
    public Uri WebSocketBaseUri { get; set; } = new("wss://stream.binance.com:9443");

    /// <summary>Trade stream flavour: <c>trade</c> (every fill) or <c>aggTrade</c>.</summary>
    public BinanceStreamKind Stream { get; set; } = BinanceStreamKind.Trade;

    /// <summary>Backoff before the first reconnect attempt after a drop (before jitter).</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Backoff ceiling: a long outage is retried at most this far apart.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Full jitter (delay uniformly drawn from [0, ceiling]) so that many dashboards dropped by the
    /// same exchange incident do not reconnect in lock-step. Off only for deterministic debugging.
    /// </summary>
    public bool ReconnectJitter { get; set; } = true;

    /// <summary>
    /// Binance closes every stream connection after 24 h. Reconnecting on our own schedule a little
    /// earlier keeps the cut at a moment we choose instead of an abrupt server close.
    /// </summary>
    public TimeSpan MaxConnectionAge { get; set; } = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50);

    /// <summary>
    /// No data frame for this long means the connection is dead (half-open TCP, stalled proxy):
    /// drop it and reconnect. Pings are answered inside the socket and do not count as data, so keep
    /// this above the quietest subscribed symbol's usual gap between trades. Zero disables it.
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Client ping period; the server also pings and the socket answers those itself.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A client ping not answered within this long aborts the socket (detects dead peers fast).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound for the TCP + TLS + upgrade handshake of one attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A text message larger than this is discarded and counted as malformed (protects memory).</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;

    /// <summary>
    /// A 429 whose Retry-After is at most this long is waited out and retried once; longer ones
    /// surface as <see cref="Core.Exchange.ExchangeRateLimitException"/> so the caller can decide.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the exchangeInfo symbol list is reused (the call weighs 20 of 6000 per minute).</summary>
    public TimeSpan SymbolsCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Timeout of one REST request.</summary>
    public TimeSpan RestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Share of the minute's request weight (Binance: 6,000) that background requests (catch-up,
    /// reconcile) may use; past it they wait for the next minute, leaving the rest to chart loads.
    /// </summary>
    public double BackgroundWeightShare { get; set; } = 0.6;

    /// <summary>Returns a list of problems, empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ExchangeName is not { Length: >= 2 and <= 20 } || !ExchangeName.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
        {
            problems.Add($"{nameof(ExchangeName)} must be 2-20 lower-case letters or digits.");
        }

        if (!RestBaseUri.IsAbsoluteUri || (RestBaseUri.Scheme != Uri.UriSchemeHttp && RestBaseUri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{nameof(RestBaseUri)} must be an absolute http(s) URI.");
        }

        if (!WebSocketBaseUri.IsAbsoluteUri || (WebSocketBaseUri.Scheme != "ws" && WebSocketBaseUri.Scheme != "wss"))
        {
            problems.Add($"{nameof(WebSocketBaseUri)} must be an absolute ws(s) URI.");
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            problems.Add($"{nameof(ReconnectInitialDelay)} must be positive and not above {nameof(ReconnectMaxDelay)}.");
        }

        if (MaxConnectionAge <= TimeSpan.Zero || ReceiveTimeout < TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add("Connection age and connect timeout must be positive, receive timeout not negative.");
        }

        if (MaxMessageBytes < 1024)
        {
            problems.Add($"{nameof(MaxMessageBytes)} must be at least 1024.");
        }

        if (BackgroundWeightShare is <= 0 or > 0.95)
        {
            problems.Add($"{nameof(BackgroundWeightShare)} must be above 0 and at most 0.95 (past 95 % every request waits anyway).");
        }

        return problems;
    }
}
