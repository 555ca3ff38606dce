namespace CandleDashboard.Hub.Tests;

/// <summary>
/// The .NET client tests of live candles and subscriptions share one app; they run one after the
/// other, so a test that counts core subscriptions first waits for the app to be idle.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveHubCollection : ICollectionFixture<HubAppFixture>
{
    public const string Name = "Live hub (.NET client)";
}
