using CandleDashboard.Core.Fetching;
using CandleDashboard.Integration.Tests;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Fault.Tests;

/// <summary>The stores failing: Redis restarted with its data lost, PostgreSQL stopped.</summary>
public sealed class StoreFaultTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Redis_restarted_empty_is_refilled_from_postgres_and_nothing_goes_missing()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres));
        await using var health = new HealthWatch(app.BaseAddress);
        await FaultFixture.CleanFirstFetchAsync(app);
        await StoreCheck.AssertContiguousAsync(app.Services, FaultFixture.Symbols, FaultFixture.Intervals, buckets: 40, Patience);

        await stores.RestartRedisEmptyAsync(down: Soak.Duration(TimeSpan.Zero, TimeSpan.FromMinutes(3)));

        var reconciler = app.Services.GetRequiredService<VenueDirectory>().Default.Reconciler;
        await StoreCheck.AssertContiguousAsync(app.Services, FaultFixture.Symbols, FaultFixture.Intervals, buckets: 40, Patience);
        Assert.Contains(reconciler.Statuses, s => s.TotalRepaired > 0);
        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri);
        health.AssertAnsweredThroughout();
    }

    [Fact]
    public async Task Postgres_stopped_for_a_while_loses_no_official_candle()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres));
        await using var health = new HealthWatch(app.BaseAddress);
        await FaultFixture.CleanFirstFetchAsync(app);
        var fetcher = app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher;

        await stores.Postgres.StopAsync();
        try
        {
            // Two fetcher runs while it is down: their candles queue for PostgreSQL and reach Redis.
            var before = fetcher.Status.TotalCandles;
            await Eventually.ReachesAsync(() => fetcher.Status, s => s.TotalCandles >= before + (2 * FaultFixture.Symbols.Length), Patience, "fetching on while PostgreSQL is down");
            await Task.Delay(Soak.Duration(TimeSpan.Zero, TimeSpan.FromMinutes(5)));
        }
        finally
        {
            await stores.Postgres.StartAsync();
        }

        await StoreCheck.AssertContiguousAsync(app.Services, FaultFixture.Symbols, FaultFixture.Intervals, buckets: 40, Patience);
        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri);
        health.AssertAnsweredThroughout();
    }

    [Fact]
    public async Task Postgres_that_accepts_connections_but_answers_nothing_stalls_nothing_and_loses_nothing()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        await using var proxy = new SilentProxy(stores.Postgres.Port);
        var throughProxy = postgres.Replace($"Port={stores.Postgres.Port}", $"Port={proxy.Port}", StringComparison.Ordinal);
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, throughProxy));
        await using var health = new HealthWatch(app.BaseAddress);
        await FaultFixture.CleanFirstFetchAsync(app);

        proxy.GoSilent();
        try
        {
            // Long enough for fetcher runs to meet the silence; charts keep loading from Redis meanwhile.
            await Task.Delay(Soak.Duration(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(5)));
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            using var chart = await http.GetAsync("api/candles/BTCUSDT/1m?count=10");
            Assert.True(chart.IsSuccessStatusCode, $"a chart load during the silence answered {(int)chart.StatusCode}");
        }
        finally
        {
            proxy.Resume();
        }

        await StoreCheck.AssertContiguousAsync(app.Services, FaultFixture.Symbols, FaultFixture.Intervals, buckets: 40, Patience);
        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri);
        health.AssertAnsweredThroughout();
    }
}
