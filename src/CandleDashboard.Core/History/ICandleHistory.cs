using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.History;

/// <summary>
/// Where charts, the API and the startup buffers get past candles of a series: the stores first,
/// the exchange when they cannot answer.
/// </summary>
public interface ICandleHistory
{
    /// <summary>
    /// The newest <paramref name="count"/> closed candles, oldest first (plus the exchange's forming
    /// kline when the exchange answered), with the tier that answered and the lag of stored history.
    /// </summary>
    Task<HistorySlice> LoadAsync(string symbol, Interval interval, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The closed official candles with open time before <paramref name="beforeOpenTime"/>, oldest first,
    /// at most <paramref name="count"/> and consecutive (no hole): the page a chart prepends when the user
    /// scrolls back. Fewer than asked (or none) means the exchange has no older candles of the series.
    /// (<see cref="HistoryPage.ReachedStart"/> says so explicitly; it stays false for the one exception, a
    /// page cut short at a hole in the exchange's own history.) <paramref name="count"/> is 1 to
    /// <see cref="HistoryPage.MaxCount"/>.
    /// </summary>
    Task<HistoryPage> LoadBeforeAsync(string symbol, Interval interval, long beforeOpenTime, int count, CancellationToken cancellationToken);

    /// <summary>Stored official candles with open time in [<paramref name="fromOpenTime"/>, <paramref name="toOpenTime"/>], oldest first.</summary>
    Task<IReadOnlyList<Candle>> GetRangeAsync(string symbol, Interval interval, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken);
}
