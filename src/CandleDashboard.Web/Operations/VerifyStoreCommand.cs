using System.Globalization;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Web.Hosting;
using CandleDashboard.Web.Persistence;
using CandleDashboard.Web.Venues;

namespace CandleDashboard.Web.Operations;

/// <summary>
/// <c>verify-store</c>: checks the configured stores against each other and against the exchange over a
/// range, prints holes, duplicates and mismatches, and exits 0 (clean), 1 (problems found) or 2 (could
/// not check: bad arguments, a store or the exchange unreachable). It builds the app's services from the
/// same configuration but starts nothing: no feed, no fetcher, no web server.
/// </summary>
public static class VerifyStoreCommand
{
    public const string Name = "verify-store";

    private const int ExamplesPerKind = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!VerifyStoreRequest.TryParse(args, out var request, out var problem))
        {
            await error.WriteLineAsync($"verify-store: {problem}");
            return 2;
        }

        try
        {
            // Quiet unless asked otherwise (a later --Logging:… argument wins): the report is the output.
            await using var app = await DashboardHost.BuildAsync(["--Logging:LogLevel:Default=Warning", .. request.HostArgs]);
            return await VerifyAsync(app.Services, request, output, cancellationToken);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or ExchangeException or HttpRequestException or NotSupportedException or InvalidOperationException)
        {
            await error.WriteLineAsync($"verify-store could not check: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, VerifyStoreRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var venues = services.GetRequiredService<VenueDirectory>();
        if (!venues.TryGet(request.Exchange, out var venue))
        {
            throw new InvalidOperationException(venues.Unknown(request.Exchange));
        }

        // The app's clock is the default venue's (ExchangeClockSync): "closed" is judged as the app judges it.
        var clock = services.GetRequiredService<ExchangeClock>();
        var sent = clock.LocalNow;
        var serverTime = await venues.Default.Exchange.ServerTime.GetServerTimeAsync(cancellationToken);
        clock.Observe(serverTime, sent, clock.LocalNow);

        var exchange = venue.Exchange;
        var options = venue.FetcherOptions;
        var stores = services.GetRequiredService<CandleTiers>().CommitOrder;
        var verifier = new StoreVerifier(exchange.Klines, stores, clock);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        int holes = 0, duplicates = 0, mismatches = 0, unreadable = 0, series = 0;
        foreach (var symbol in request.Symbol is { } s ? [s] : options.Symbols)
        {
            foreach (var interval in request.Interval is { } i ? [i] : options.Intervals)
            {
                var to = request.To ?? interval.Floor(now) - interval.Milliseconds;
                var from = request.From ?? to - ((long)(options.ReconcileWindowCandles - 1) * interval.Milliseconds);
                var key = new SeriesKey(exchange.Name, symbol, interval);
                series++;
                foreach (var result in await verifier.VerifyAsync(key, from, to, cancellationToken))
                {
                    holes += result.Holes.Count;
                    duplicates += result.Duplicates.Count;
                    mismatches += result.Mismatches.Count;
                    unreadable += result.Error is null ? 0 : 1;
                    await WriteAsync(output, result);
                }
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{series} series checked in {stores.Count} store(s): {holes} holes, {duplicates} duplicates, {mismatches} mismatches, {unreadable} unreadable"));
        return unreadable > 0 ? 2 : holes + duplicates + mismatches > 0 ? 1 : 0;
    }

    private static async Task WriteAsync(TextWriter output, StoreVerification result)
    {
        var series = $"{result.Series.Symbol} {result.Series.Interval.Code} {result.Store}";
        if (result.Error is { } failure)
        {
            await output.WriteLineAsync($"{series}: could not be read: {failure}");
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{series}: {result.Checked} checked, {result.Holes.Count} holes, {result.Duplicates.Count} duplicates, {result.Mismatches.Count} mismatches"));
        foreach (var hole in result.Holes.Take(ExamplesPerKind))
        {
            await output.WriteLineAsync($"  hole      {Time(hole)}");
        }

        foreach (var duplicate in result.Duplicates.Take(ExamplesPerKind))
        {
            await output.WriteLineAsync($"  duplicate {Time(duplicate)}");
        }

        foreach (var (stored, truth) in result.Mismatches.Take(ExamplesPerKind))
        {
            await output.WriteLineAsync($"  mismatch  {Time(stored.OpenTime)} stored {Describe(stored)}, exchange {(truth is { } t ? Describe(t) : "has none")}");
        }
    }

    private static string Time(long openTime) => DateTimeOffset.FromUnixTimeMilliseconds(openTime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(Candle c) => string.Create(CultureInfo.InvariantCulture, $"O {c.Open} H {c.High} L {c.Low} C {c.Close} V {c.Volume} n {c.TradeCount}");
}
