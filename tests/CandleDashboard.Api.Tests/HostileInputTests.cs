using System.Net;

namespace CandleDashboard.Api.Tests;

/// <summary>Every endpoint against hostile text: each answer is a 400 or 404 ProblemDetails, never a 500.</summary>
public sealed class HostileInputTests(ApiServer server) : IClassFixture<ApiServer>
{
    public static readonly string[] Hostile =
    [
        new string('A', 1000),
        "*",
        ":",
        "BTC:USDT",
        "BTCÜSDT",
        "比特币",
        "😀😀",
        "BTC'; DROP TABLE candles;--",
        "..%2f..%2fetc%2fpasswd",
        "..%2F",
        "%00",
        "-5",
        " ",
        "%20BTCUSDT%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20x",
        "<script>alert(1)</script>",
        "{symbol}",
    ];

    public static IEnumerable<object[]> Requests()
    {
        foreach (var bad in Hostile)
        {
            var escaped = Uri.EscapeDataString(bad);
            // Raw in the path where the text is already URL-shaped, escaped otherwise.
            var inPath = bad.Contains('%') ? bad : escaped;
            yield return [$"api/candles/{inPath}/1m"];
            yield return [$"api/candles/BTCUSDT/{inPath}"];
            yield return [$"api/candles/{inPath}/1m/latest"];
            yield return [$"api/candles/BTCUSDT/{inPath}/latest"];
            yield return [$"api/candles/BTCUSDT/1m?count={escaped}"];
            yield return [$"api/candles/BTCUSDT/1m?includeLive={escaped}"];
            yield return [$"api/candles/BTCUSDT/1m?before={escaped}"];
            yield return [$"api/candles/BTCUSDT/1m?endTime={escaped}"];
            yield return [$"api/live-candle?symbol={escaped}&interval=1m"];
            yield return [$"api/live-candle?symbol=BTCUSDT&interval={escaped}"];
        }

        yield return ["api/candles//1m"];
        yield return ["api/candles/BTCUSDT/"];
        yield return ["api/live-candle?symbol=&interval="];
        yield return ["api/candles/BTCUSDT/1m?count="  + "9".PadRight(40, '9')];
        yield return ["api/candles/BTCUSDT/1m?before=" + "9".PadRight(40, '9')];
        yield return [$"api/candles/BTCUSDT/1m?endTime={long.MaxValue}"]; // endTime + 1 would overflow: refused as future first
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Hostile_input_is_refused_cleanly(string path)
    {
        using var response = await server.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"{path}: {(int)response.StatusCode} {text}");
        // Kestrel itself refuses some targets (a NUL in the path) with a bare 400 before the app sees them.
        if (text.Length > 0)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("<script>", text);
    }
}
