using CandleDashboard.Storage.Postgres.Schema;
using CandleDashboard.Storage.Postgres.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CandleDashboard.Storage.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL storage: <see cref="PostgresOptions"/>, one pooled <see cref="NpgsqlDataSource"/>,
    /// <see cref="PostgresStartupCheck"/>, <see cref="PostgresMigrator"/>, <see cref="PostgresCandleStore"/> and
    /// <see cref="DurableCandleWriter"/> (the one to put first in the fetcher's commit order). Nothing connects
    /// here: the host runs the check and <see cref="PostgresMigrator.MigrateAsync"/> at startup and decides
    /// what to do when they fail. ICandleStore itself is not registered, so the host chooses the tier order.
    /// </summary>
    /// <param name="connectionString">From <c>ConnectionStrings:Postgres</c>; there is no default.</param>
    /// <exception cref="ArgumentException">Empty connection string or invalid options; the message names the setting.</exception>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString, Action<PostgresOptions>? configure = null)
    {
        var options = new PostgresOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();
        ValidateConnectionString(options.ConnectionString);

        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            if (sp.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            return builder.Build();
        });
        services.AddSingleton<PostgresStartupCheck>();
        services.AddSingleton<PostgresMigrator>(sp => new PostgresMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(), options, sp.GetService<ILogger<PostgresMigrator>>()));
        services.AddSingleton<PostgresCandleStore>(sp => new PostgresCandleStore(
            sp.GetRequiredService<NpgsqlDataSource>(), options, sp.GetService<ILogger<PostgresCandleStore>>()));
        services.AddSingleton<DurableCandleWriter>(sp => new DurableCandleWriter(
            sp.GetRequiredService<PostgresCandleStore>(), options, sp.GetService<ILogger<DurableCandleWriter>>()));
        return services;
    }

    /// <summary>Fails at registration on a malformed string, naming the setting (Npgsql's own message names no password).</summary>
    private static void ValidateConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{PostgresOptions.ConnectionStringSetting} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }
}
