using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;

namespace CandleDashboard.Web.Admin.Status;

/// <summary>
/// One symbol's live feed: the shared connection's state plus the symbol's own trade counters.
/// </summary>
public sealed record SymbolFeedRow(
    string Symbol,
    FeedState Connection,
    double? TradesPerSecond,
    TimeSpan? LastTradeAge,
    string LastTradeAgo,
    decimal? LastPrice,
    long AcceptedTrades,
    long LateTrades,
    long RejectedTrades,
    Attention Attention)
{
    public string RateText => TradesPerSecond is { } rate ? rate.ToString("0.0") : "—";

    public static SymbolFeedRow From(string symbol, FeedState connection, SymbolActivity? activity, double? tradesPerSecond, DateTimeOffset now, TimeSpan staleAfter)
    {
        TimeSpan? age = activity?.LastTradeTime is { } ms ? now - DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        var attention = connection != FeedState.Live ? Attention.FeedDown
            : age is null || age > staleAfter ? Attention.StaleFeed
            : Attention.None;
        return new SymbolFeedRow(
            symbol,
            connection,
            tradesPerSecond,
            age,
            age is { } a ? $"{RelativeTime.Span(a < TimeSpan.Zero ? TimeSpan.Zero : a)} ago" : "no trade yet",
            activity?.LastPrice,
            activity?.AcceptedTrades ?? 0,
            activity?.LateTrades ?? 0,
            activity?.RejectedTrades ?? 0,
            attention);
    }
}
