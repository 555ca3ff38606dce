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

    /// <summary>Stored official candles with open time in [<paramref name="fromOpenTime"/>, <paramref name="toOpenTime"/>], oldest first.</summary>
    Task<IReadOnlyList<Candle>> GetRangeAsync(string symbol, Interval interval, long fromOpenTime, long toOpenTime, CancellationToken cancellationToken);
}
