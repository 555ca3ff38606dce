namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>
/// Benchmarks run alone, after the parallel tests, on their own server: timings taken while other
/// tests hammer the same machine would measure the neighbours, not the store.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres-benchmarks";
}
