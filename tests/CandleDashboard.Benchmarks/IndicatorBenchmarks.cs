using BenchmarkDotNet.Attributes;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Benchmarks;

/// <summary>
/// Issue 10's engine on one series: all nine indicators at their defaults (ten calculators: VWAP
/// anchored at the session and at the loaded range), per closed candle and per forming-candle update.
/// Target: O(1) per candle, 0 bytes allocated. One invocation runs a whole prepared tape of candles,
/// so "per operation" figures are per candle (for all ten calculators together).
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private const int TapeLength = 10_000;
    private Candle[] _tape = [];
    private Indicator[] _indicators = [];
    private IndicatorSeries[] _series = [];
    private long _shift;
    private long _span;
    private long _formingOpenTime;

    [GlobalSetup]
    public void Setup()
    {
        _tape = IndicatorTape.Create(TapeLength);
        _span = TapeLength * 60_000L;
        _indicators = IndicatorTape.Specs.Select(s => IndicatorFactory.Create(s)).ToArray();
        _series = IndicatorTape.Specs.Select(s => new IndicatorSeries(s)).ToArray();

        // Warm: every calculator past its warm-up with its rings full, as on a live chart.
        foreach (var candle in _tape)
        {
            foreach (var indicator in _indicators)
            {
                indicator.Update(candle);
            }

            foreach (var series in _series)
            {
                series.Add(candle);
            }
        }

        _shift = _span;
        _formingOpenTime = _tape[^1].OpenTime + 60_000;
    }

    /// <summary>A closed candle through all ten calculators (<see cref="Indicator.Update"/>).</summary>
    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int CloseCandle()
    {
        var shift = _shift;
        _shift += _span;
        _formingOpenTime += _span;
        var ready = 0;
        var tape = _tape;
        var indicators = _indicators;
        for (var i = 0; i < tape.Length; i++)
        {
            var candle = tape[i] with { OpenTime = tape[i].OpenTime + shift };
            for (var k = 0; k < indicators.Length; k++)
            {
                ready += indicators[k].Update(candle).IsReady ? 1 : 0;
            }
        }

        return ready;
    }

    /// <summary>A forming-candle update through all ten calculators (<see cref="Indicator.Preview"/>: "what if it closed now", state untouched).</summary>
    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int FormingCandleUpdate()
    {
        var ready = 0;
        var tape = _tape;
        var indicators = _indicators;
        var openTime = _formingOpenTime;
        for (var i = 0; i < tape.Length; i++)
        {
            var forming = tape[i] with { OpenTime = openTime, IsClosed = false };
            for (var k = 0; k < indicators.Length; k++)
            {
                ready += indicators[k].Preview(forming).IsReady ? 1 : 0;
            }
        }

        return ready;
    }

    /// <summary>A closed candle through ten <see cref="IndicatorSeries"/> (window 1000): the update plus its checkpoint and the stored candle and value.</summary>
    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int SeriesCloseCandle()
    {
        var shift = _shift;
        _shift += _span;
        _formingOpenTime += _span;
        var ready = 0;
        var tape = _tape;
        var all = _series;
        for (var i = 0; i < tape.Length; i++)
        {
            var candle = tape[i] with { OpenTime = tape[i].OpenTime + shift };
            for (var k = 0; k < all.Length; k++)
            {
                ready += all[k].Add(candle).IsReady ? 1 : 0;
            }
        }

        return ready;
    }

    /// <summary>
    /// A live candle closes and its official kline (a different close) replaces it, through ten
    /// series: one <see cref="IndicatorSeries.Add"/> plus one <see cref="IndicatorSeries.Replace"/>
    /// (rewind one candle, replay one).
    /// </summary>
    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int SeriesCloseThenOfficialReplacement()
    {
        var shift = _shift;
        _shift += _span;
        _formingOpenTime += _span;
        var replayed = 0;
        var tape = _tape;
        var all = _series;
        for (var i = 0; i < tape.Length; i++)
        {
            var official = tape[i] with { OpenTime = tape[i].OpenTime + shift, Source = CandleSource.Official };
            var live = official with { Close = official.Close + 0.01m, High = Math.Max(official.High, official.Close + 0.01m), Source = CandleSource.Live };
            for (var k = 0; k < all.Length; k++)
            {
                all[k].Add(live);
                replayed += all[k].Replace(official).Replayed;
            }
        }

        return replayed;
    }
}

/// <summary>Each indicator alone (default parameters): per closed candle and per forming-candle update.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class IndicatorKindBenchmarks
{
    private const int TapeLength = 10_000;
    private Candle[] _tape = [];
    private Indicator _indicator = null!;
    private long _shift;
    private long _span;
    private long _formingOpenTime;

    [ParamsSource(nameof(Names))]
    public string Indicator { get; set; } = "";

    public static IEnumerable<string> Names => IndicatorTape.Specs.Select(s => s.Text);

    [GlobalSetup]
    public void Setup()
    {
        _tape = IndicatorTape.Create(TapeLength);
        _span = TapeLength * 60_000L;
        _indicator = IndicatorFactory.Create(IndicatorSpec.Parse(Indicator));
        foreach (var candle in _tape)
        {
            _indicator.Update(candle);
        }

        _shift = _span;
        _formingOpenTime = _tape[^1].OpenTime + 60_000;
    }

    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int CloseCandle()
    {
        var shift = _shift;
        _shift += _span;
        _formingOpenTime += _span;
        var ready = 0;
        var tape = _tape;
        var indicator = _indicator;
        for (var i = 0; i < tape.Length; i++)
        {
            ready += indicator.Update(tape[i] with { OpenTime = tape[i].OpenTime + shift }).IsReady ? 1 : 0;
        }

        return ready;
    }

    [Benchmark(OperationsPerInvoke = TapeLength)]
    public int FormingCandleUpdate()
    {
        var ready = 0;
        var tape = _tape;
        var indicator = _indicator;
        var openTime = _formingOpenTime;
        for (var i = 0; i < tape.Length; i++)
        {
            ready += indicator.Preview(tape[i] with { OpenTime = openTime, IsClosed = false }).IsReady ? 1 : 0;
        }

        return ready;
    }
}

/// <summary>The candles and indicators the indicator benchmarks share.</summary>
internal static class IndicatorTape
{
    /// <summary>All nine indicators at their defaults; VWAP twice (session and anchored).</summary>
    public static IReadOnlyList<IndicatorSpec> Specs { get; } = IndicatorKind.All.Select(k => IndicatorSpec.Create(k)).ToArray();

    /// <summary>A seeded random walk of 1m BTC-like candles: 2-decimal prices, 8-decimal volumes, every 50th candle empty.</summary>
    public static Candle[] Create(int length)
    {
        var random = new Random(42);
        var start = DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var price = 60_000m;
        var tape = new Candle[length];
        for (var i = 0; i < length; i++)
        {
            var open = price;
            if (i % 50 == 49)
            {
                tape[i] = new Candle(start + (i * 60_000L), open, open, open, open, 0m, 0m, 0, true, CandleSource.Live);
                continue;
            }

            var close = Math.Max(1m, open + (random.Next(-2_000, 2_001) * 0.01m));
            var high = Math.Max(open, close) + (random.Next(0, 500) * 0.01m);
            var low = Math.Min(open, close) - (random.Next(0, 500) * 0.01m);
            var volume = random.Next(1, 100_000_000) / 10_000_000m;
            tape[i] = new Candle(start + (i * 60_000L), open, high, low, close, volume, volume * close, random.Next(1, 500), true, CandleSource.Live);
            price = close;
        }

        return tape;
    }
}
