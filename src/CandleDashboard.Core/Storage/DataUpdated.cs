namespace CandleDashboard.Core.Storage;

/// <summary>
/// Emitted after the fetcher committed official candles of a series (PostgreSQL first, then
/// Redis): open charts replace their live candles in [<see cref="From"/>, <see cref="To"/>].
/// </summary>
/// <param name="Exchange">Lower-case exchange name.</param>
/// <param name="Symbol">Symbol, upper case.</param>
/// <param name="Interval">Interval code, e.g. <c>1m</c>.</param>
/// <param name="From">Open time of the first committed candle, UTC epoch ms.</param>
/// <param name="To">Open time of the last committed candle, UTC epoch ms.</param>
/// <param name="Count">Number of candles committed.</param>
public sealed record DataUpdated(string Exchange, string Symbol, string Interval, long From, long To, int Count);
