namespace CandleDashboard.Admin.Tests.Infrastructure;

/// <summary>One enabled app and one Chromium shared by the HTTP and browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "admin app";
}
