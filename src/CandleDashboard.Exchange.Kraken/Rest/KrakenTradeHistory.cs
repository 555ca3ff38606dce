using System.Runtime.CompilerServices;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Parsing;

namespace CandleDashboard.Exchange.Kraken.Rest;

/// <summary>
/// Kraken's trade history over a time range, page after page (<c>GET /0/public/Trades</c> with the
/// <c>since</c> cursor): what candles older than the 720-candle OHLC window are built from, with the
/// same builder as live candles. Each page costs one call of the rate-limit counter, so a long range
/// paces itself; run it inside <see cref="Core.Exchange.ExchangeRequestPriority.BackgroundScope"/>
/// so chart loads keep their share.
/// </summary>
public sealed class KrakenTradeHistory(KrakenRestClient rest)
{
    /// <summary>
    /// Trades of <paramref name="symbol"/> with time in [<paramref name="fromMs"/>, <paramref name="toMs"/>),
    /// oldest first, each once. Stops at the first trade at or past the end, at a page that brings
    /// nothing new (the newest trade reached), or on cancellation.
    /// </summary>
    public async IAsyncEnumerable<Trade> ReadAsync(string symbol, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(toMs, fromMs);
        var cursor = KrakenTradesParser.CursorAt(fromMs);
        var lastId = long.MinValue;
        while (true)
        {
            var page = await rest.GetTradesAsync(symbol, cursor, cancellationToken).ConfigureAwait(false);
            var progressed = false;
            foreach (var trade in page.Trades)
            {
                // Pages can overlap at the cursor's nanosecond: ids only ever increase, so older ones are repeats.
                if (trade.TradeId <= lastId || trade.Time < fromMs)
                {
                    continue;
                }

                if (trade.Time >= toMs)
                {
                    yield break;
                }

                lastId = trade.TradeId;
                progressed = true;
                yield return trade;
            }

            if (!progressed || page.NextCursor <= cursor)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }
}
