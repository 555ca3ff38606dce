using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Measures the exchange's clock at start and every <see cref="Every"/>: a few round trips to its
/// time endpoint, keeping the one with the shortest trip (the least uncertain). A failed measurement
/// keeps the last offset and tries again sooner. A large offset is logged: it means the host's clock
/// is wrong, which an operator should fix, though the app no longer depends on it.
/// </summary>
internal sealed class ExchangeClockSync(VenueDirectory venues, ExchangeClock clock, ILogger<ExchangeClockSync> logger) : BackgroundService
{
    // One clock for the app, the default venue's: it corrects the host's clock, which is what is
    // wrong when candles close late or early; exchanges themselves agree to well under the fetch
    // grace, so a second venue needs no clock of its own.
    private readonly IExchange _exchange = venues.Default.Exchange;

    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    private const int Samples = 3;

    /// <summary>
    /// The first measurement happens before the app serves its first request (the server starts after
    /// every hosted service has started): a chart load before it would judge "closed" by the local clock
    /// and could write a forming exchange kline back as official. Bounded, so an unreachable exchange
    /// delays startup by seconds, never forever; the loop then keeps trying.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TradeFeedWorker.ExchangeClockBudget);
        try
        {
            await MeasureAsync(budget.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The exchange's clock could not be read at startup ({Error}); trying again in the background", ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var measured = clock.Synchronized.IsCompletedSuccessfully;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Every;
            try
            {
                if (!measured)
                {
                    await MeasureAsync(stoppingToken);
                }

                measured = false;
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                wait = WorkerBackoff.After(++failures);
                logger.LogWarning("Could not read the exchange's clock ({Error}); keeping offset {Offset} ms, trying again in {Wait}",
                    ex.Message, clock.Offset.TotalMilliseconds, wait);
            }

            await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        (DateTimeOffset Server, DateTimeOffset Sent, DateTimeOffset Received)? best = null;
        try
        {
            for (var i = 0; i < Samples; i++)
            {
                var sent = clock.LocalNow;
                var server = await _exchange.ServerTime.GetServerTimeAsync(cancellationToken);
                var received = clock.LocalNow;
                if (best is null || received - sent < best.Value.Received - best.Value.Sent)
                {
                    best = (server, sent, received);
                }
            }
        }
        finally
        {
            // A later sample failing (a slow exchange, the startup budget running out) does not waste
            // the ones already taken: one round trip is a measurement, only a less certain one.
            if (best is var (s, a, b))
            {
                clock.Observe(s, a, b);
            }
        }

        if (clock.Offset.Duration() > TimeSpan.FromSeconds(1))
        {
            logger.LogWarning("The local clock is {Offset:0.000} s {Direction} the exchange's; candles follow the exchange's clock",
                clock.Offset.Duration().TotalSeconds, clock.Offset > TimeSpan.Zero ? "behind" : "ahead of");
        }
    }
}
