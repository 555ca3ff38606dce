using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Tests;

/// <summary>
/// An in-memory exchange of 1s and 1m klines whose prices follow the clock, with a page cap and
/// a request log: enough to test the logic that pages, resamples and decides which tier answers.
/// (The real protocol is tested against the simulator over loopback in the adapter's tests.)
/// </summary>
internal sealed class FakeExchange(TimeProvider clock) : IKlineSource
{
    public List<(Interval Interval, long? Start, long? End, int Limit)> Requests { get; } = [];

    /// <summary>Added to every price, so a second fetch of the same bucket can differ.</summary>
    public decimal Revision { get; set; }

    public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneSecond, Interval.OneMinute];

    /// <summary>Binance's page size by default, so paging is exercised as it is against the real exchange.</summary>
    public int MaxKlinesPerRequest { get; init; } = 1000;

    /// <summary>When set, every request fails with it (an outage, a timeout).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Open time of the series' first kline (the listing): nothing older exists.</summary>
    public long ListedAt { get; set; } = long.MinValue;

    /// <summary>Trading halts, [From, To): no kline opens inside one, as in the exchange's own history.</summary>
    public List<(long From, long To)> Halts { get; } = [];

    /// <summary>
    /// Binance's rules: with a start time, the first <paramref name="limit"/> klines from there; without,
    /// the newest <paramref name="limit"/> up to the end time (or now), also reaching across a halt.
    /// </summary>
    public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
    {
        Requests.Add((interval, startTime, endTime, limit));
        if (Failure is { } failure)
        {
            return Task.FromException<IReadOnlyList<Candle>>(failure);
        }

        Assert.InRange(limit, 1, MaxKlinesPerRequest);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var last = interval.Floor(Math.Min(endTime ?? now, now));
        var page = new List<Candle>();
        if (startTime is { } s)
        {
            var first = interval.Floor(s) + (s % interval.Milliseconds == 0 ? 0 : interval.Milliseconds);
            for (var t = first; t <= last && page.Count < limit; t += interval.Milliseconds)
            {
                if (Exists(t))
                {
                    page.Add(PriceAt(t, interval, now));
                }
            }
        }
        else
        {
            for (var t = last; t >= ListedAt && page.Count < limit; t -= interval.Milliseconds)
            {
                if (Exists(t))
                {
                    page.Add(PriceAt(t, interval, now));
                }
            }

            page.Reverse();
        }

        return Task.FromResult<IReadOnlyList<Candle>>(page);
    }

    private bool Exists(long openTime) => openTime >= ListedAt && !Halts.Any(h => openTime >= h.From && openTime < h.To);

    public Candle PriceAt(long openTime, Interval interval, long now)
    {
        var price = (openTime / 1000 % 100_000) + Revision;
        return new Candle(openTime, price, price + 1, price - 1, price, 2m, 2 * price, 3, openTime + interval.Milliseconds <= now, CandleSource.Official);
    }
}
