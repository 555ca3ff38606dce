using CandleDashboard.Benchmarks.Latency;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The emulated viewers of one app: opened a few at a time (as visitors arrive, not all in one
/// instant), each counted as open once its chart is drawn, and closed together.
/// </summary>
public sealed class ViewerFleet(Uri app, ViewerMix mix, WallClock clock) : IAsyncDisposable
{
    /// <summary>Circuits being opened at once; more only queue on the two cores.</summary>
    private const int OpeningAtOnce = 8;

    private static readonly TimeSpan DrawDeadline = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = OpeningAtOnce * 2 }) { Timeout = DrawDeadline };
    private readonly List<Viewer> _viewers = [];

    public IReadOnlyList<Viewer> Viewers => _viewers;

    /// <summary>Opens viewers until there are <paramref name="total"/>; throws if one does not draw within the deadline.</summary>
    public async Task GrowToAsync(int total, CancellationToken cancellationToken)
    {
        var added = Enumerable.Range(_viewers.Count, Math.Max(0, total - _viewers.Count)).ToList();
        var opened = new Viewer[added.Count];
        try
        {
            await Parallel.ForAsync(0, added.Count, new ParallelOptions { MaxDegreeOfParallelism = OpeningAtOnce, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var (symbol, interval) = mix.SeriesOf(added[i]);
                var tab = await EmulatedTab.OpenAsync(_http, ViewerMix.PageOf(app, symbol, interval), clock, ct);
                opened[i] = new Viewer(symbol, interval, tab);
                await tab.Drawn.WaitAsync(DrawDeadline, ct);
            });
        }
        finally
        {
            _viewers.AddRange(opened.Where(v => v is not null)); // closed with the others, drawn or not
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_viewers, new ParallelOptions { MaxDegreeOfParallelism = OpeningAtOnce }, async (viewer, _) => await viewer.Tab.DisposeAsync());
        _viewers.Clear();
        _http.Dispose();
    }
}

/// <summary>One emulated viewer: the series its chart shows and its tab.</summary>
public sealed record Viewer(string Symbol, Interval Interval, EmulatedTab Tab);
