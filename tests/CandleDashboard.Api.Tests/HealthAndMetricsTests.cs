using CandleDashboard.Core.Exchange;
using System.Net;
using System.Text.Json;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Api.Tests;

public sealed class HealthAndMetricsTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Healthz_is_healthy_without_checks()
    {
        var body = await server.GetJsonAsync("healthz");
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Readyz_turns_ready_once_buffers_load_and_the_feeds_are_live()
    {
        JsonElement body = default;
        await ApiServer.EventuallyAsync(async () =>
        {
            using var response = await server.Client.GetAsync("readyz");
            body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            Assert.Equal(body.GetProperty("status").GetString() == "Unhealthy" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, response.StatusCode);
            return response.StatusCode == HttpStatusCode.OK;
        }, "/readyz to be ready", TimeSpan.FromSeconds(30));

        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["buffers", "feed"], checks.Keys.Order().ToArray());
        Assert.Equal("Healthy", checks["feed"].GetProperty("status").GetString());
        // Ready as soon as one venue's buffers are in: Kraken's call counter (about one a second) may still
        // be filling the second venue's, which leaves the buffers Degraded, not unready.
        Assert.Contains(checks["buffers"].GetProperty("status").GetString(), (string[])["Healthy", "Degraded"]);
        // Anonymous callers get names and statuses only (details: HealthDetailsTests in the admin tests).
        Assert.All(checks.Values, c => Assert.Equal(["name", "status"], c.EnumerateObject().Select(p => p.Name).ToArray()));
        Assert.Equal(["checks", "status"], body.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task Metrics_expose_the_dashboard_counters_in_prometheus_text()
    {
        var feed = server.Services.GetRequiredService<VenueDirectory>().Default.Exchange.Trades;
        await ApiServer.EventuallyAsync(() => Task.FromResult(feed.Status.TradesReceived > 0), "trades to arrive");
        (await server.Client.GetAsync("api/candles/BTCUSDT/1m?count=5")).Dispose();

        string text = "";
        await ApiServer.EventuallyAsync(async () =>
        {
            text = await server.Client.GetStringAsync("metrics");
            return TryValue(text, "candledashboard_trades_in_total", Binance) > 0 && TryValue(text, "candledashboard_rows_fetched_total") > 0;
        }, "counters in /metrics");

        Assert.Contains("# TYPE candledashboard_trades_in_total counter", text);
        Assert.Contains("candledashboard_trades_rejected_total", text);
        Assert.Contains("candledashboard_circuits_open", text);
        // Each venue's count carries its exchange tag; the default venue's is at most what its feed has seen.
        Assert.InRange(TryValue(text, "candledashboard_trades_in_total", Binance), 1, feed.Status.TradesReceived);
        Assert.True(TryValue(text, "candledashboard_trades_in_total", "exchange=\"kraken\"") >= 0, "the second venue's trades are reported apart");
    }

    [Fact]
    public async Task Hub_connections_reported_through_DashboardMetrics_reach_metrics()
    {
        var metrics = server.Services.GetRequiredService<DashboardMetrics>();
        metrics.HubConnected();
        metrics.HubConnected();
        metrics.HubDisconnected();
        metrics.UpdatesPushed(7);

        await ApiServer.EventuallyAsync(async () =>
        {
            var text = await server.Client.GetStringAsync("metrics");
            return TryValue(text, "candledashboard_hub_connections") >= 1 && TryValue(text, "candledashboard_updates_pushed_total") >= 7;
        }, "hub connections and pushed updates in /metrics");
        Assert.True(metrics.OpenHubConnections >= 1);
    }

    private const string Binance = "exchange=\"binance\"";

    /// <summary>Sum of a metric's samples (all label sets, or those with <paramref name="label"/>; the value is the last field), or -1 when absent.</summary>
    private static double TryValue(string text, string name, string? label = null)
    {
        var samples = text.Split('\n')
            .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
            .Select(l => l.Split(' ')[^1] is var v && double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN)
            .ToArray();
        return samples.Length == 0 ? -1 : samples.Sum();
    }
}
