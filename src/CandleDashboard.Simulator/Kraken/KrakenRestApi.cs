using System.Globalization;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Kraken's public spot REST endpoints under <c>/0/public/</c>: Time, AssetPairs, OHLC and Trades. Every
/// answer is HTTP 200 in Kraken's envelope; every call is charged to the <see cref="KrakenRateLimiter"/> first.
/// </summary>
internal sealed class KrakenRestApi(KrakenPairs pairs, KrakenRateLimiter rateLimiter, TimeProvider timeProvider)
{
    public const string Prefix = "/0/public";

    /// <summary>Trades pages hold at most this many trades (Kraken's page size), and that many by default.</summary>
    public const int MaxTradesPerPage = 1000;

    /// <summary>A <c>since</c> above this is a nanosecond cursor; at or below it, Unix seconds.</summary>
    private const decimal LargestSeconds = 1e15m;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/Time", () => Limited(Time));
        app.MapGet(Prefix + "/AssetPairs", (HttpContext c) => Limited(() => AssetPairs(c.Request.Query)));
        app.MapGet(Prefix + "/OHLC", (HttpContext c) => Limited(() => Ohlc(c.Request.Query)));
        app.MapGet(Prefix + "/Trades", (HttpContext c) => Limited(() => Trades(c.Request.Query)));
    }

    private IResult Limited(Func<IResult> answer) =>
        rateLimiter.TryCharge() ? answer() : KrakenResponse.Error(KrakenResponse.RateLimitExceeded);

    private IResult Time()
    {
        var now = timeProvider.GetUtcNow();
        return KrakenResponse.Result(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("unixtime", now.ToUnixTimeSeconds());
            w.WriteString("rfc1123", now.UtcDateTime.ToString("ddd, dd MMM yy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    /// <summary>All listed pairs, or those named by <c>pair=XBTUSD,ETHUSD</c>; one unknown name fails the call.</summary>
    private IResult AssetPairs(IQueryCollection query)
    {
        var selected = new List<KrakenPairProfile>();
        if (query.ContainsKey("pair"))
        {
            foreach (var name in query["pair"].ToString().Split(',', StringSplitOptions.TrimEntries))
            {
                if (!pairs.TryRest(name, out var pair))
                {
                    return KrakenResponse.Error(KrakenResponse.UnknownAssetPair);
                }

                selected.Add(pair.Profile);
            }
        }
        else
        {
            selected.AddRange(pairs.Listed.Select(p => p.Profile));
        }

        return KrakenResponse.Result(w => KrakenAssetPairsWriter.Write(w, selected.Distinct()));
    }

    /// <summary>
    /// The newest 720 committed rows after <c>since</c> (exclusive; older rows cannot be had) and always the
    /// forming row last. <c>last</c> is the open time of the last committed row.
    /// </summary>
    private IResult Ohlc(IQueryCollection query)
    {
        if (!TryPair(query, out var pair, out var error))
        {
            return error!;
        }

        var minutes = 1;
        if (query.ContainsKey("interval") && !int.TryParse(query["interval"], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
        {
            return KrakenResponse.Error(KrakenResponse.InvalidArguments);
        }

        var index = KrakenIntervals.IndexOf(minutes);
        long? since = null;
        if (index < 0 || (query.ContainsKey("since") && !TrySeconds(query["since"], out since)))
        {
            return KrakenResponse.Error(KrakenResponse.InvalidArguments);
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var length = KrakenIntervals.Lengths[index];
        var forming = now - ((now % length) + length) % length;
        var from = since is { } s ? s * 1000 + 1 : long.MinValue / 2;
        var rows = pair.Market.ReadKlines(index, from, forming, KrakenIntervals.CommittedRows + 1, newestFirst: true, now);
        if (rows.Count == 0 || rows[^1].OpenTime != forming)
        {
            rows.AddRange(pair.Market.ReadKlines(index, forming, forming, 1, newestFirst: true, now));
        }

        return KrakenResponse.Result(w => KrakenOhlcWriter.Write(w, pair.Profile, rows, (forming - length) / 1000));
    }

    /// <summary>
    /// One page of trades: after the nanosecond cursor <c>since</c> (exclusive), or from <c>since</c> in Unix
    /// seconds (inclusive), or without it the newest; <c>count</c> 1–1000 (default 1000). <c>last</c> is the
    /// cursor for the next page.
    /// </summary>
    private IResult Trades(IQueryCollection query)
    {
        if (!TryPair(query, out var pair, out var error))
        {
            return error!;
        }

        var count = MaxTradesPerPage;
        if (query.ContainsKey("count")
            && (!int.TryParse(query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxTradesPerPage))
        {
            return KrakenResponse.Error(KrakenResponse.InvalidArguments);
        }

        long? afterNs = null, fromNs = null;
        if (query.ContainsKey("since"))
        {
            if (!KrakenNumbers.TryDecimal(query["since"], out var since))
            {
                return KrakenResponse.Error(KrakenResponse.InvalidArguments);
            }

            if (since > LargestSeconds)
            {
                afterNs = (long)decimal.Truncate(since);
            }
            else
            {
                fromNs = (long)decimal.Ceiling(since * 1_000_000_000m);
            }
        }

        var page = pair.Page(afterNs, fromNs, count);
        var last = page.Count > 0 ? page[^1].TimeNs : afterNs ?? (fromNs is { } f ? f - 1 : 0);
        return KrakenResponse.Result(w => KrakenTradesWriter.Write(w, pair.Profile, page, last));
    }

    private bool TryPair(IQueryCollection query, out KrakenPair pair, out IResult? error)
    {
        error = null;
        string? name = query["pair"];
        if (string.IsNullOrEmpty(name))
        {
            pair = null!;
            error = KrakenResponse.Error(KrakenResponse.InvalidArguments);
            return false;
        }

        if (!pairs.TryRest(name, out pair))
        {
            error = KrakenResponse.Error(KrakenResponse.UnknownAssetPair);
            return false;
        }

        return true;
    }

    private static bool TrySeconds(string? text, out long? seconds)
    {
        seconds = null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        seconds = value;
        return true;
    }
}
