using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Integration.Tests;

/// <summary>
/// The log an operator gets with the shipped appsettings.json and both stores configured: the app's
/// own lines, not a line per SQL command or per framework request.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class DefaultLoggingTests(StoresFixture stores)
{
    [Fact]
    public async Task With_the_default_settings_sql_commands_and_framework_chatter_stay_out_of_the_log()
    {
        var postgres = await stores.FreshStoresAsync();
        var log = new CapturingLoggerProvider();
        // The fixture's arguments without its "Warning everywhere" override: appsettings.json decides.
        var args = stores.AppArgs(postgres).Where(a => !a.StartsWith("--Logging:", StringComparison.Ordinal)).ToArray();
        await using (var app = await AppInstance.StartAsync(args, builder => builder.Logging.AddProvider(log)))
        {
            // SQL runs: migrations, the fetcher's commits and a history read that reaches PostgreSQL.
            var fetcher = app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher;
            await Eventually.ReachesAsync(() => fetcher.Status, s => s.TotalCandles > 0, TimeSpan.FromSeconds(60), "official candles committed");
            var history = app.Services.GetRequiredService<VenueDirectory>().Default.History;
            var slice = await history.LoadAsync("BTCUSDT", Interval.OneMinute, 50, CancellationToken.None);
            Assert.Equal(50, slice.Candles.Count(c => c.IsClosed));
        }

        var entries = log.Entries.ToArray();
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Npgsql", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        // …while the app still says what it did.
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Candle stores: redis → postgres", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Committed ", StringComparison.Ordinal));
    }
}
