using System.ComponentModel;
using CandleDashboard.Contracts;
using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.History;

namespace CandleDashboard.Web.Api;

/// <summary>Body of <c>GET /api/candles/{symbol}/{interval}</c>, for the newest candles and for a scroll-back page alike.</summary>
/// <param name="Source">The history tier that answered: "redis", "postgres", "memory" or "exchange".</param>
/// <param name="Gap">How far stored history lags the clock; null on a page (before/endTime), which does not read the newest stored candle.</param>
/// <param name="Candles">Oldest first; the last one is the forming candle when includeLive is on and a trade has been seen (never on a page).</param>
/// <param name="ReachedStart">True only on a page: the exchange has nothing older than its first candle. A recent answer always says false.</param>
/// <param name="NextBefore">The <c>before</c> of the page before this one (the first candle's open time); null when the start is reached or nothing was returned.</param>
public sealed record CandlesResponse(
    string Symbol,
    string Interval,
    string Source,
    [property: Description("How far stored history lags the clock; null on a page (before/endTime).")] GapJson? Gap,
    IReadOnlyList<CandleJson> Candles,
    [property: Description("True only on a page: the exchange has nothing older than its first candle (an empty page: nothing before the asked time). A recent answer always says false.")] bool ReachedStart,
    [property: Description("The before of the page before this one (the first candle's open time, UTC epoch ms); null when the start is reached or nothing was returned.")] long? NextBefore);

/// <summary>How far stored official history lags behind the clock when the request was served.</summary>
public sealed record GapJson(long? LatestStoredOpenTime, long Now, long IntervalMilliseconds, long MissingCandles, bool HasGap)
{
    public static GapJson From(HistoryGap gap) =>
        new(gap.LatestStoredOpenTime, gap.Now, gap.IntervalMilliseconds, gap.MissingCandles, gap.HasGap);
}

/// <summary>Body of the single-candle endpoints (<c>/latest</c>, <c>/api/live-candle</c>).</summary>
public sealed record SingleCandleResponse(string Symbol, string Interval, CandleJson Candle);

/// <summary>Body of <c>GET /api/intervals</c>.</summary>
public sealed record IntervalJson(string Code, long Milliseconds);

/// <summary>Body of <c>GET /api/candles/{symbol}/{interval}/live-accuracy</c> and the admin buffer API's <c>liveAccuracy</c>.</summary>
public sealed record LiveAccuracyJson(
    string Symbol,
    string Interval,
    [property: Description("How many replaced candles the summary covers at most (the last N).")] int Window,
    [property: Description("Official candles that replaced a live-built one, among the last `window`.")] int Compared,
    [property: Description("Of those, how many the live candle matched on open, high, low, close, volume and trade count.")] int Matched,
    [property: Description("compared − matched.")] int Differing,
    [property: Description("Largest |official − live| close among them (exact decimal string); \"0\" when every close matched.")] string LargestCloseDifference,
    [property: Description("Open time (UTC epoch ms) of the newest candle with that close difference; null when every close matched.")] long? LargestCloseDifferenceAt,
    [property: Description("Largest |official − live| volume among them (exact decimal string).")] string LargestVolumeDifference,
    [property: Description("Largest |official − live| trade count among them.")] long LargestTradeCountDifference,
    [property: Description("Open time and delta of the newest replaced candle; null before the first.")] LatestLiveDeltaJson? Latest,
    [property: Description("Every replaced live candle since the server started.")] long ComparedSinceStart,
    [property: Description("Of those, how many matched.")] long MatchedSinceStart)
{
    public static LiveAccuracyJson From(LiveAccuracy a) => new(
        a.Series.Symbol,
        a.Series.Interval.Code,
        a.Window,
        a.Compared,
        a.Matched,
        a.Differing,
        WireFormat.Decimal(a.LargestCloseDifference),
        a.LargestCloseDifferenceAt,
        WireFormat.Decimal(a.LargestVolumeDifference),
        a.LargestTradeCountDifference,
        a.Latest is { } latest ? new LatestLiveDeltaJson(latest.OpenTime, LiveDeltaJson.From(latest)) : null,
        a.ComparedSinceStart,
        a.MatchedSinceStart);
}

/// <summary>The newest replaced candle's open time and its live delta.</summary>
public sealed record LatestLiveDeltaJson(long OpenTime, LiveDeltaJson Delta);
