using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Rest;

namespace CandleDashboard.Exchange.Kraken.Candles;

/// <summary>
/// Kraken's official candles for every interval and range the product asks (the adapter's
/// <see cref="IKlineSource"/>): from OHLC where Kraken serves them, built from its trades otherwise.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>1m … 1d with the range inside the OHLC window (the newest 720 candles): OHLC, marked
/// <see cref="CandleSource.Official"/>.</item>
/// <item>15s and 30s (Kraken has no OHLC finer than 1m, and 1m cannot be resampled into them): built
/// from trades (<see cref="TradeCandleReader"/>), marked <see cref="CandleSource.OfficialFromTrades"/>.
/// Listed in <see cref="SupportedIntervals"/>, so the core's reader asks for them directly.</item>
/// <item>A range starting before the window: its part before the window from trades, the rest from
/// OHLC, joined at one open time (contiguous, no duplicate). The edge is taken one candle inside the
/// window Kraken reports, so a window that moved on while the request was under way still serves the
/// OHLC part.</item>
/// </list>
/// </remarks>
public sealed class KrakenKlineSource(KrakenRestClient ohlc, TradeCandleReader trades, TimeProvider timeProvider) : IKlineSource
{
    /// <summary>Kraken's OHLC intervals plus 15s and 30s from trades, shortest first.</summary>
    public IReadOnlyList<Interval> SupportedIntervals { get; } =
        [.. KrakenIntervals.Supported.Append(Interval.FifteenSeconds).Append(Interval.ThirtySeconds).OrderBy(i => i.Milliseconds)];

    /// <summary>The OHLC page; a trade-built request returns at most as many.</summary>
    public int MaxKlinesPerRequest => KrakenRestClient.OhlcWindow;

    /// <summary>True when Kraken's OHLC serves the interval (else candles are built from trades).</summary>
    public static bool ServedByOhlc(Interval interval) => KrakenIntervals.IsSupported(interval);

    /// <summary>
    /// The oldest open time this source takes from OHLC at <paramref name="nowMs"/>: one candle inside
    /// Kraken's window (see <see cref="KrakenIntervals.OldestServedOpenTime"/>).
    /// </summary>
    public static long OhlcEdge(Interval interval, long nowMs) =>
        KrakenIntervals.OldestServedOpenTime(interval, nowMs) + interval.Milliseconds;

    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(
        string symbol,
        Interval interval,
        long? startTime,
        long? endTime,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxKlinesPerRequest);
        if (!SupportedIntervals.Contains(interval))
        {
            throw new ArgumentException($"Kraken candles are not served for {interval}.", nameof(interval));
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var end = endTime ?? now;
        if (!ServedByOhlc(interval))
        {
            // Without a start: the newest candles up to the end, the forming one included, as OHLC gives them.
            var start = startTime ?? (interval.Floor(Math.Min(end, now)) - ((long)(limit - 1) * interval.Milliseconds));
            return await trades.ReadAsync(symbol, interval, start, end, limit, cancellationToken).ConfigureAwait(false);
        }

        var edge = OhlcEdge(interval, now);
        if (startTime is not { } from || from >= edge)
        {
            return await ohlc.GetKlinesAsync(symbol, interval, startTime, endTime, limit, cancellationToken).ConfigureAwait(false);
        }

        var beforeEdge = Math.Min(end, edge - interval.Milliseconds);
        var built = await trades.ReadAsync(symbol, interval, from, beforeEdge, limit, cancellationToken).ConfigureAwait(false);
        var reachedEdge = built.Count == 0 || built[^1].OpenTime == interval.Floor(beforeEdge);
        if (end < edge || built.Count >= limit || !reachedEdge)
        {
            // Done, full, or the trade budget stopped short of the edge: the caller continues after the last candle.
            return built;
        }

        var served = await ohlc.GetKlinesAsync(symbol, interval, edge, endTime, limit - built.Count, cancellationToken).ConfigureAwait(false);
        return [.. built, .. served];
    }
}
