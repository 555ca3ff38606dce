using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;
using CandleDashboard.Tests.Shared;
using static CandleDashboard.Core.Tests.TestTrades;

namespace CandleDashboard.Core.Tests;

/// <summary><see cref="FetcherOptions.MaxConcurrentSymbols"/>: symbols filled at once, never more, and a rate limit still stops the whole run.</summary>
public class FetcherConcurrencyTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(Midnight + 86_400_000 + 5_000));

    private OfficialKlineFetcher Fetcher(IKlineSource source, int concurrency) =>
        new(source, [new InMemoryCandleStore()], new InMemoryDataUpdatedBus(), new FetcherOptions
        {
            Symbols = ["AAAUSDT", "BBBUSDT", "CCCUSDT"],
            Intervals = [Interval.OneMinute],
            InitialCandles = 1,
            MaxConcurrentSymbols = concurrency,
        }, _clock);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task At_most_the_bound_of_symbols_is_fetched_at_once_and_every_one_is_committed(int bound)
    {
        var source = new GatedSource();
        var run = Fetcher(source, bound).RunOnceAsync(default);

        await Eventually.HoldsAsync(() => source.InFlight == bound, TimeSpan.FromSeconds(10), $"{bound} requests in flight");
        await Task.Delay(100); // room for a request past the bound, were there one
        Assert.Equal(bound, source.InFlight);
        source.Release.SetResult();

        var published = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, published.Count);
        Assert.Equal(bound, source.MaxInFlight);
    }

    [Fact]
    public async Task A_rate_limit_on_one_symbol_stops_the_run_and_cancels_the_others_without_counting_them_as_errors()
    {
        var source = new GatedSource { RateLimited = "BBBUSDT" };
        var fetcher = Fetcher(source, 3);

        var published = await fetcher.RunOnceAsync(default).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(published);
        Assert.StartsWith("rate limited by the exchange", fetcher.Status.LastError);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), fetcher.Status.NextRunAt);
        Assert.False(source.Release.Task.IsCompleted); // the others were cancelled while waiting, not answered
    }

    /// <summary>Answers one official candle per request once released; counts requests in flight.</summary>
    private sealed class GatedSource : IKlineSource
    {
        private int _inFlight;
        private int _maxInFlight;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? RateLimited { get; init; }

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public IReadOnlyList<Interval> SupportedIntervals { get; } = [Interval.OneMinute];

        public int MaxKlinesPerRequest => 1000;

        public async Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken)
        {
            if (symbol == RateLimited)
            {
                await Task.Yield();
                throw new ExchangeRateLimitException("binance", TimeSpan.FromSeconds(30), isBanned: false, "429");
            }

            var now = Interlocked.Increment(ref _inFlight);
            for (var max = _maxInFlight; now > max; max = _maxInFlight)
            {
                Interlocked.CompareExchange(ref _maxInFlight, now, max);
            }

            try
            {
                await Release.Task.WaitAsync(cancellationToken);
                return [new Candle(startTime!.Value, 1m, 1m, 1m, 1m, 1m, 1m, 1, true, CandleSource.Official)];
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
