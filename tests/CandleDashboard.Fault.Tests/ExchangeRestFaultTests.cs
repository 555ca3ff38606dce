using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Integration.Tests;
using CandleDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Fault.Tests;

/// <summary>The exchange's REST API misbehaving: slow past the client timeout, hanging, 5xx, 429, garbage.</summary>
public sealed class ExchangeRestFaultTests(FaultFixture stores) : IClassFixture<FaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Slow_hanging_failing_and_garbled_answers_never_stop_the_app_and_leave_no_hole()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        var postgres = await stores.FreshStoresAsync();
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres));
        await using var health = new HealthWatch(app.BaseAddress);
        await FaultFixture.CleanFirstFetchAsync(app);
        var fetcher = app.Services.GetRequiredService<VenueDirectory>().Default.Fetcher;

        // Each misbehaviour in turn, each long enough for a fetcher run to meet it (runs come every 15 s bucket).
        var errors = new List<string>();
        foreach (var fault in new Action[]
        {
            () => exchange.Faults.RestDelay = TimeSpan.FromSeconds(3), // slower than the app's 1 s timeout
            () => exchange.Faults.RestHangs = true,
            () => exchange.Faults.RestStatus = 503,
            () => exchange.Faults.RestGarbage = true,
        })
        {
            exchange.Faults.Clear();
            var before = fetcher.Status.LastRunAt;
            fault();
            var failed = await Eventually.ReachesAsync(() => fetcher.Status, s => s.LastRunAt > before && s.LastError is not null, Patience, "a run that meets the fault");
            errors.Add(failed.LastError!);
        }

        exchange.Faults.Clear();

        Assert.Equal(4, errors.Count);
        Assert.True(exchange.Faults.FaultedRequests > 0);
        await InvariantCheck.AssertCleanAsync(app.BaseAddress, exchange.RestBaseUri);
        health.AssertAnsweredThroughout();
    }

    [Fact]
    public async Task Buffers_that_could_not_load_at_startup_load_once_the_exchange_answers_again()
    {
        await using var exchange = await FaultFixture.StartExchangeAsync();
        exchange.Faults.RestStatus = 500; // empty stores and a failing exchange: nothing to load from
        await using var app = await AppInstance.StartAsync(stores.AppArgs(exchange, postgres: null, redis: false));
        await using var health = new HealthWatch(app.BaseAddress);
        var buffers = app.Services.GetRequiredService<VenueDirectory>().Default.Buffers;
        await Eventually.ReachesAsync(() => buffers.Statuses, s => s.All(b => b.State == BufferState.Degraded), Patience, "every buffer degraded");

        exchange.Faults.Clear();
        var ready = await Eventually.ReachesAsync(() => buffers.Statuses, s => s.All(b => b.State == BufferState.Ready), Patience, "every buffer ready");

        Assert.Equal(FaultFixture.Symbols.Length * FaultFixture.Intervals.Length, ready.Count);
        Assert.All(ready, b => Assert.True(b.Count > 0, $"{b.Symbol} {b.Interval} is empty"));
        health.AssertAnsweredThroughout(atLeastProbes: 1);
    }
}
