namespace CandleDashboard.Import.Tests;

/// <summary>The import tests share one real PostgreSQL server (each test takes fresh databases on it).</summary>
[CollectionDefinition(Name)]
public sealed class ImportCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "import";
}
