using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.Components.Layout;
using CandleDashboard.Web.Options;
using CandleDashboard.Web.Venues;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Web.Chart;

/// <summary>
/// Reads the candles a chart page's first response carries (<see cref="FirstPaint"/>): the same
/// read as <see cref="CandleChart"/>'s load (history merged with the live candles, as many as the
/// chart draws). Only the single-chart page with its default view is pre-drawn: a layout of several
/// charts or a deep link's range (?from=&amp;to=) is drawn by the circuit as before.
/// </summary>
public sealed class FirstPaintSource(VenueDirectory venues, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<FirstPaintSource> logger)
{
    /// <summary>
    /// How long the read may hold up the first response. The stores answer from memory in well under
    /// this; a slower read (a series nobody watches, read from the exchange) sends the page without
    /// candles, and the circuit draws them as before. That read goes on: what it fetches is written
    /// to the stores (and the circuit's identical load joins it), so the next page finds it there.
    /// </summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>The first paint of the chart page <paramref name="request"/> asks for, or null when it gets none.</summary>
    public async Task<FirstPaint?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!TryResolve(request, out var venue, out var route))
        {
            return null;
        }

        var series = route.Check.Series;
        var reading = ReadCandlesAsync(venue, series.Symbol, series.Interval);
        try
        {
            var (candles, decimals) = await reading.WaitAsync(ReadTimeout, cancellationToken);
            var dark = ThemePreference.From(request) != "light"; // as ThemeState starts the circuit: dark unless light was asked for
            return FirstPaint.Of(venue.Id, series.Symbol, series.Interval, candles, decimals, dark, clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (TimeoutException)
        {
            _ = reading.ContinueWith(
                t => logger.LogDebug(t.Exception, "Reading the first paint of {Symbol} {Interval} failed", series.Symbol, series.Interval),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A first paint is an optimisation: the page without it is the page as it was.
            logger.LogDebug(ex, "Reading the first paint of {Symbol} {Interval} failed", series.Symbol, series.Interval);
            return null;
        }
    }

    // CandleChart's read: history merged with the live candles, and the price decimals. Not cancelled
    // with the request: see ReadTimeout.
    private async Task<(IReadOnlyList<Candle> Candles, int Decimals)> ReadCandlesAsync(Venue venue, string symbol, Interval interval)
    {
        var symbols = venue.Exchange.Symbols.GetSymbolsAsync(CancellationToken.None);
        var history = (await venue.History.LoadAsync(symbol, interval, options.Value.HistoryCandles, CancellationToken.None)).Candles;
        var candles = CandleMerge.WithLiveCandles(history, venue.Live.GetLiveCandles(symbol, interval));
        return (candles, PriceDecimals.For(symbols.IsCompletedSuccessfully ? symbols.Result.FirstOrDefault(s => s.Symbol == symbol) : null, candles));
    }

    // The same segments and query ChartPage reads: /chart/{symbol}/{interval} or /chart/{exchange}/{symbol}/{interval}.
    private bool TryResolve(HttpRequest request, out Venue venue, out ChartRoute route)
    {
        venue = venues.Default;
        route = null!;
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 3 or > 4 || !string.Equals(segments[0], "chart", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (segments.Length == 4 && !venues.TryGet(Uri.UnescapeDataString(segments[1]), out venue!))
        {
            return false;
        }

        route = ChartRoute.Resolve(venue, Uri.UnescapeDataString(segments[^2]), Uri.UnescapeDataString(segments[^1]));
        var query = request.Query;
        if (!route.IsValid || query.ContainsKey("from") || query.ContainsKey("to"))
        {
            return false;
        }

        var layout = ChartLayout.Parse(query["layout"], [query["c2"], query["c3"], query["c4"]], query["link"], route.Check.Series, venue.Catalog);
        return layout.Kind == ChartLayoutKind.Single;
    }
}
