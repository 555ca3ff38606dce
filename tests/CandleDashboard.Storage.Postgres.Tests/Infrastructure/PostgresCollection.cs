namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>Test classes in this collection share one server (start-up costs ~1 s); databases keep them apart.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
