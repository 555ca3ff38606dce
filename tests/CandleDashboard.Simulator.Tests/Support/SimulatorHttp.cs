using System.Net;
using System.Text.Json;

namespace CandleDashboard.Simulator.Tests.Support;

/// <summary>Plain HttpClient calls against a running simulator.</summary>
internal static class SimulatorHttp
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(ExchangeSimulator simulator, string pathAndQuery)
    {
        var response = await Client.GetAsync(new Uri(simulator.RestBaseUri, pathAndQuery));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public static async Task<List<KlineRow>> KlinesAsync(ExchangeSimulator simulator, string query)
    {
        var (status, body, _) = await GetAsync(simulator, "/api/v3/klines?" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.EnumerateArray().Select(KlineRow.Parse).ToList();
    }
}
