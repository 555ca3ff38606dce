using System.Diagnostics;
using Xunit.Abstractions;

namespace CandleDashboard.Api.Tests;

/// <summary>An app with the API rate limit off, for load on loopback only.</summary>
public sealed class UnlimitedApiServer : ApiServer
{
    protected override IEnumerable<string> ExtraArgs => ["--Api:RateLimit:Enabled=false"];
}

/// <summary>
/// Measures, never asserts speed: p50/p95 latency of GET /api/candles/BTCUSDT/1m?count=1000 from
/// warm stores, and throughput of a bounded load loop (20 clients, 10 s) on 127.0.0.1.
/// Run: dotnet test tests/CandleDashboard.Api.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class CandlesBenchmark(UnlimitedApiServer server, ITestOutputHelper output) : IClassFixture<UnlimitedApiServer>
{
    private const string Path = "api/candles/BTCUSDT/1m?count=1000";

    [Fact]
    public async Task Candles_1000_latency_and_throughput()
    {
        // Warm: the first call fills the in-memory tier from the exchange; later ones are served by it.
        for (var i = 0; i < 50; i++)
        {
            using var warm = await server.Client.GetAsync(Path);
            warm.EnsureSuccessStatusCode();
        }

        var source = (await server.GetJsonAsync(Path)).GetProperty("source").GetString();
        var latencies = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await server.Client.GetAsync(Path);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        latencies.Sort();
        output.WriteLine($"source tier: {source}");
        output.WriteLine($"sequential, 500 requests: p50 {latencies[249]:0.00} ms, p95 {latencies[474]:0.00} ms, p99 {latencies[494]:0.00} ms");

        const int clients = 20;
        var duration = TimeSpan.FromSeconds(10);
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = new long[clients];
        var failures = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var response = await server.Client.GetAsync(Path);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode)
                {
                    perClient[c]++;
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        var total = perClient.Sum();
        output.WriteLine($"{clients} clients for {clock.Elapsed.TotalSeconds:0.0} s: {total} responses, {total / clock.Elapsed.TotalSeconds:0} req/s, {failures} failures");
        Assert.Equal(0, failures);
    }
}
