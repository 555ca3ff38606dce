namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The app for the refusal tests: a small <c>Hub:MaxSubscriptionsPerConnection</c>, so reaching
/// the cap takes a few calls and the refusal shows the configured number rather than the default;
/// and SignalR's dispatcher silenced, because it logs every refused call as an error with a stack
/// trace, and here refusals are what is tested.
/// </summary>
public sealed class RefusalHubAppFixture() : HubAppFixture(
    $"--Hub:MaxSubscriptionsPerConnection={Cap}",
    "--Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher=None")
{
    public const int Cap = 4;
}
