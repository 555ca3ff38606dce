using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Chart;

namespace CandleDashboard.Benchmarks;

/// <summary>
/// What one live update costs to send to the browser, two ways: the chart's own hot-path call
/// (candleChart.js applyUpdate: the one changed candle) and the same change through Plotly.Blazor's
/// update API, which takes whole attribute arrays (plotly's update replaces an attribute, so the
/// caller must send every candle's open, high, low, close, volume and volume colour). Serialization
/// time and allocation per update on the server; the payload sizes are printed by `payload`.
/// </summary>
[MemoryDiagnoser]
public class ChartUpdatePayloadBenchmarks
{
    [Params(300, 1000)]
    public int Candles { get; set; }

    private Candle[] _series = [];
    private ChartCandle _forming = null!;

    [GlobalSetup]
    public void Setup()
    {
        _series = ChartUpdatePayload.Series(Candles);
        _forming = ChartCandle.From(_series[^1]);
    }

    [Benchmark(Baseline = true)]
    public byte[] OwnHotPathCall() => ChartUpdatePayload.HotPath(_forming);

    [Benchmark]
    public byte[] LibraryUpdateCall() => ChartUpdatePayload.LibraryUpdate(_series);
}

/// <summary>The two payloads, as the interop layer serializes them (JSON, camel case like Blazor's JS interop).</summary>
public static class ChartUpdatePayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Candle[] Series(int count)
    {
        var start = DateTimeOffset.Parse("2026-12-01T00:00:00Z").ToUnixTimeMilliseconds();
        var random = new Random(7);
        var price = 60_000m;
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price += random.Next(-500, 501) * 0.01m;
            candles[i] = new Candle(start + i * 60_000L, open, Math.Max(open, price) + 1.5m, Math.Min(open, price) - 1.5m, price, 12.34567m, 740_000.12m, 420, i < count - 1, i < count - 1 ? CandleSource.Official : CandleSource.Live);
        }

        return candles;
    }

    /// <summary>applyUpdate(plotId, candle): the id and one candle.</summary>
    public static byte[] HotPath(ChartCandle candle) => JsonSerializer.SerializeToUtf8Bytes(new object[] { "candle-plot-8f14e45fceea167a5a36dedd4bea2543", candle }, Json);

    /// <summary>Plotly.update(id, { open: [[…]], high, low, close, y, 'marker.color' }, layoutPatch, [0, 1]) through the library.</summary>
    public static byte[] LibraryUpdate(IReadOnlyList<Candle> series)
    {
        var update = new Dictionary<string, object?[]>
        {
            ["open"] = [series.Select(c => (object)c.Open).ToArray(), null],
            ["high"] = [series.Select(c => (object)c.High).ToArray(), null],
            ["low"] = [series.Select(c => (object)c.Low).ToArray(), null],
            ["close"] = [series.Select(c => (object)c.Close).ToArray(), null],
            ["y"] = [null, series.Select(c => (object)c.Volume).ToArray()],
            ["marker.color"] = [null, series.Select(c => (object)(c.Close >= c.Open ? "rgba(38, 166, 154, 0.45)" : "rgba(239, 83, 80, 0.45)")).ToArray()],
        };
        var layout = new Dictionary<string, object> { ["shapes[0].y0"] = series[^1].Close, ["shapes[0].y1"] = series[^1].Close, ["annotations[0].y"] = series[^1].Close };
        return JsonSerializer.SerializeToUtf8Bytes(new object[] { "candle-plot-8f14e45fceea167a5a36dedd4bea2543", update, layout, new[] { 0, 1 } }, Json);
    }

    public static int Report()
    {
        foreach (var count in new[] { 300, 1000 })
        {
            var series = Series(count);
            Console.WriteLine($"{count} candles drawn: own hot-path call {HotPath(ChartCandle.From(series[^1])).Length} bytes, library update {LibraryUpdate(series).Length} bytes per live update");
        }

        return 0;
    }
}
