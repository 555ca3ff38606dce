using CandleDashboard.Core.Building;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Rest;

namespace CandleDashboard.Exchange.Kraken.Candles;

/// <summary>
/// Official candles built from Kraken's trade history (<c>GET /0/public/Trades</c>) with the core's
/// <see cref="LiveCandleBuilder"/>, so they are exactly what live building gives for the same trades;
/// marked <see cref="CandleSource.OfficialFromTrades"/>. For what Kraken's OHLC cannot serve: 15s and
/// 30s, and anything older than its 720-candle window.
/// </summary>
/// <remarks>
/// <para>Empty buckets are flat at the previous close with zero volume and trades, as the builder
/// makes them and as Kraken's OHLC publishes them; the price before the range comes from the trades of
/// <see cref="KrakenOptions.TradeCandlesSeedLookback"/> before it, else from the 1m OHLC row before it
/// (inside its window). Without either, the result begins at the first trade, like the builder
/// before its first trade.</para>
/// <para>Only complete buckets come back: a bucket is complete when the trade read passed its end
/// (or reached Kraken's newest trade and the clock passed its end). A read stopped by the trade budget
/// returns the buckets before its last trade; the caller continues from there.</para>
/// <para>Pages are requested at background priority whoever asks: a range can take many pages, and
/// chart loads must keep their share of the call counter; a foreground caller gets the smaller budget.</para>
/// </remarks>
public sealed class TradeCandleReader(KrakenRestClient rest, KrakenTradeHistory history, KrakenOptions options, TimeProvider timeProvider)
{
    /// <summary>
    /// Candles of [<paramref name="start"/>, <paramref name="lastOpenTime"/>] (open times), oldest first,
    /// at most <paramref name="limit"/>. The bucket forming at the clock's now comes back open
    /// (IsClosed false) when asked for and the read reached Kraken's newest trade.
    /// </summary>
    /// <exception cref="ExchangeException">One bucket alone holds more trades than the budget allows reading.</exception>
    public async Task<IReadOnlyList<Candle>> ReadAsync(string symbol, Interval interval, long start, long lastOpenTime, int limit, CancellationToken cancellationToken)
    {
        var ms = interval.Milliseconds;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        // The first bucket opening at or after the start (a start inside a bucket does not ask for that bucket).
        start = interval.Floor(start) < start ? interval.Floor(start) + ms : start;
        var last = Math.Min(Math.Min(interval.Floor(lastOpenTime), start + ((long)(limit - 1) * ms)), interval.Floor(now));
        if (last < start)
        {
            return [];
        }

        var budget = ExchangeRequestPriority.IsBackground ? options.TradeCandlesMaxTrades : options.TradeCandlesMaxTradesForeground;
        var readFrom = Math.Max(0, start - (long)options.TradeCandlesSeedLookback.TotalMilliseconds);
        var (trades, complete) = await ReadTradesAsync(symbol, readFrom, last + ms, budget, cancellationToken).ConfigureAwait(false);

        var builder = new LiveCandleBuilder(symbol, [interval], timeProvider, new LiveCandleBuilderOptions
        {
            // Every empty bucket of the range is wanted (the live default stops at 1000 per gap).
            MaxEmptyBucketsFilled = (int)Math.Min(int.MaxValue, ((last + ms - readFrom) / ms) + 1),
        });
        var closed = new List<Candle>();
        builder.CandleClosed += (_, candle) =>
        {
            if (candle.OpenTime >= start && candle.OpenTime <= last)
            {
                closed.Add(candle with { Source = CandleSource.OfficialFromTrades });
            }
        };

        if (trades.Count == 0 || trades[0].Time >= start)
        {
            // Nothing traded in the lookback: the 1m OHLC row before the range's minute gives the price the
            // range's first buckets stand at (its close; Kraken repeats it through empty minutes).
            if (await SeedPriceAsync(symbol, start, now, cancellationToken).ConfigureAwait(false) is { } seed)
            {
                // A stand-in trade just before the range: its bucket is dropped; empty buckets after it are flat at its price.
                builder.Apply(new Trade(symbol, TradeId: -1, seed, Quantity: 1m, start - 1, IsBuyerMaker: false));
            }
        }

        foreach (var trade in trades)
        {
            builder.Apply(trade);
        }

        if (!complete)
        {
            // Only what the read passed is final; the caller asks again after the last candle returned.
            if (closed.Count == 0)
            {
                throw new ExchangeException(options.ExchangeName,
                    $"{symbol} {interval} at {DateTimeOffset.FromUnixTimeMilliseconds(interval.Floor(trades[^1].Time)):o} holds more than {budget} trades; raise {nameof(KrakenOptions.TradeCandlesMaxTrades)} to build it.");
            }

            return closed;
        }

        builder.AdvanceTo(Math.Min(last + ms, now));
        if (last == interval.Floor(now) && builder.TryGetForming(interval, out var forming) && forming.OpenTime == last)
        {
            closed.Add(forming with { Source = CandleSource.OfficialFromTrades });
        }

        return closed;
    }

    /// <summary>Trades in [from, to), oldest first, and whether the read got them all (false: the budget stopped it).</summary>
    private async Task<(List<Trade> Trades, bool Complete)> ReadTradesAsync(string symbol, long from, long to, int budget, CancellationToken cancellationToken)
    {
        using var background = ExchangeRequestPriority.BackgroundScope();
        var trades = new List<Trade>();
        await foreach (var trade in history.ReadAsync(symbol, from, to, cancellationToken).ConfigureAwait(false))
        {
            trades.Add(trade);
            if (trades.Count >= budget)
            {
                // Leaving the loop disposes the reader: no further page is requested.
                return (trades, false);
            }
        }

        return (trades, true);
    }

    /// <summary>The price at <paramref name="start"/> from the 1m OHLC row before its minute, when that row is inside the window.</summary>
    private async Task<decimal?> SeedPriceAsync(string symbol, long start, long now, CancellationToken cancellationToken)
    {
        // The lookback (≥ 1 minute) held no trade, so nothing traded between that row's close and the start.
        var minute = Interval.OneMinute.Floor(start) - Interval.OneMinute.Milliseconds;
        if (minute <= KrakenIntervals.OldestServedOpenTime(Interval.OneMinute, now) + Interval.OneMinute.Milliseconds)
        {
            return null;
        }

        using var background = ExchangeRequestPriority.BackgroundScope();
        var rows = await rest.GetKlinesAsync(symbol, Interval.OneMinute, minute, minute, 1, cancellationToken).ConfigureAwait(false);
        return rows is [{ IsClosed: true } row] && row.Close > 0m ? row.Close : null;
    }
}
