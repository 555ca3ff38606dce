namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>Browser tests share one app and one browser (startup is the expensive part) and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}
