using System.Net;
using System.Text.Json;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>Plain HttpClient calls against the simulator's Kraken REST endpoints (<c>/0/public/…</c>).</summary>
internal static class KrakenHttp
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The whole body; Kraken answers errors with HTTP 200 too, which is asserted here.</summary>
    public static async Task<JsonElement> GetAsync(ExchangeSimulator simulator, string pathAndQuery)
    {
        var response = await Client.GetAsync(new Uri(simulator.KrakenRestBaseUri, pathAndQuery));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The result object of a successful call (asserts an empty error list).</summary>
    public static async Task<JsonElement> ResultAsync(ExchangeSimulator simulator, string pathAndQuery)
    {
        var body = await GetAsync(simulator, pathAndQuery);
        Assert.Equal(0, body.GetProperty("error").GetArrayLength());
        return body.GetProperty("result");
    }

    /// <summary>The single error string of a failed call.</summary>
    public static async Task<string> ErrorAsync(ExchangeSimulator simulator, string pathAndQuery)
    {
        var body = await GetAsync(simulator, pathAndQuery);
        Assert.False(body.TryGetProperty("result", out _));
        return Assert.Single(body.GetProperty("error").EnumerateArray()).GetString()!;
    }
}
