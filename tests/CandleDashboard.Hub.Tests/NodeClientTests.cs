using Xunit.Abstractions;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The hub as other programs see it: the node:test files in tests/hub-client run against the real
/// app, and afterwards nothing they subscribed is left behind on the server.
/// </summary>
public sealed class NodeClientTests(ITestOutputHelper output)
{
    /// <summary>Tests in tests/hub-client/*.test.mjs; a new node test must be counted here.</summary>
    private const int ExpectedNodeTests = 10;

    [Fact]
    public async Task Node_clients_pass_and_leave_no_subscription_behind()
    {
        await using var app = await HubApp.StartAsync();
        var baseline = app.Stream.SubscriptionCount;
        var connectionsSeen = 0L;
        using var watch = new Timer(_ => connectionsSeen = Math.Max(connectionsSeen, app.Metrics.OpenHubConnections), null, 0, 50);

        var run = await NodeRun.RunAsync(
            new Dictionary<string, string> { ["HUB_URL"] = app.HubUrl, ["HUB_MAX_SUBSCRIPTIONS"] = "20" },
            TimeSpan.FromSeconds(90),
            onLine: null,
            "--test", "--test-reporter=tap");

        if (run.ExitCode != 0 || run.Count("pass") != ExpectedNodeTests)
        {
            output.WriteLine(run.Output);
        }

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Count("fail"));
        Assert.Equal(ExpectedNodeTests, run.Count("pass"));

        // Node has exited, so every connection closed: the server must release all it held.
        var released = await Poll.UntilAsync(
            () => app.Stream.SubscriptionCount == baseline && app.Registry.OpenSeriesCount == 0 && app.Connections.OpenConnections == 0,
            TimeSpan.FromSeconds(15));
        Assert.True(released, $"core subscriptions {app.Stream.SubscriptionCount} (baseline {baseline}), open series {app.Registry.OpenSeriesCount}, connections {app.Connections.OpenConnections}");
        Assert.True(connectionsSeen >= 1, "the hub reports its connections to the app's metrics");
        Assert.Equal(0, app.Metrics.OpenHubConnections);
    }
}
