using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Storage.Redis.Tests.Infrastructure;

/// <summary>Fresh series and candles per test, so tests sharing one Redis never see each other's keys.</summary>
public static class TestSeries
{
    public const long T0 = 1_700_000_040_000; // a whole minute, Nov 2023

    public static SeriesKey NewSeries(Interval? interval = null) =>
        new("binance", "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), interval ?? Interval.OneMinute);

    /// <summary>An official closed 1m candle at minute <paramref name="index"/> after <see cref="T0"/>, with awkward decimals.</summary>
    public static Candle Official(int index, decimal bump = 0m) => new(
        T0 + index * 60_000L,
        Open: 37_000.12345678m + index + bump,
        High: 37_100.50m + index + bump,          // trailing zero: scale must survive
        Low: 0.00000001m + index + bump,          // smallest tick
        Close: 79_228_162_514.264337593543950335m + bump, // 28 significant digits
        Volume: 1234.5m * (index + 1),
        QuoteVolume: 45_678_901.2345678901234m + index,
        TradeCount: 1000 + index,
        IsClosed: true,
        Source: CandleSource.Official);

    public static IReadOnlyList<Candle> Range(int from, int count) =>
        Enumerable.Range(from, count).Select(i => Official(i)).ToArray();

    /// <summary>Retries <paramref name="attempt"/> until it completes without throwing; fails after the deadline.</summary>
    public static async Task EventuallySucceeds(Func<Task> attempt, string what, int timeoutMs = 10_000)
    {
        using var deadline = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception ex) when (!deadline.IsCancellationRequested && ex is not Xunit.Sdk.XunitException)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails after the deadline (never a fixed sleep).</summary>
    public static async Task Eventually(Func<bool> condition, string what, int timeoutMs = 5_000)
    {
        using var deadline = new CancellationTokenSource(timeoutMs);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {timeoutMs} ms waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }
}
