using CandleDashboard.Contracts;
using CandleDashboard.Core.History;

namespace CandleDashboard.Web.Api;

/// <summary>Body of <c>GET /api/candles/{symbol}/{interval}</c>.</summary>
/// <param name="Source">The history tier that answered: "redis", "postgres", "memory" or "exchange".</param>
/// <param name="Candles">Oldest first; the last one is the forming candle when includeLive is on and a trade has been seen.</param>
public sealed record CandlesResponse(string Symbol, string Interval, string Source, GapJson Gap, IReadOnlyList<CandleJson> Candles);

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
