using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Tests.Shared.Venues;

/// <summary>
/// The exchange as the components and the web edges see it: a name, the feed's status (settable by the test) and a
/// symbol directory. Components never run the feed or fetch klines, so those throw.
/// </summary>
public sealed class StubExchange : IExchange, ITradeFeed, ISymbolDirectory, IKlineSource
{
    public string Name { get; init; } = "test";

    public ITradeFeed Trades => this;

    public IKlineSource Klines => this;

    public ISymbolDirectory Symbols => this;

    public IServerTime ServerTime => throw new NotSupportedException();

    /// <summary>What the feed reports; volatile because the badge reads it on its timer's thread.</summary>
    public FeedStatus Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    private FeedStatus _status = new(FeedState.Live, 0, 0, 0, null);

    public List<SymbolInfo> Listed { get; } = [];

    public Task<IReadOnlyList<SymbolInfo>> GetSymbolsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SymbolInfo>>([.. Listed]);

    public Task RunAsync(IReadOnlyCollection<string> symbols, ITradeSink sink, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Components never run the feed.");

    public IReadOnlyList<Interval> SupportedIntervals => Interval.All;

    public int MaxKlinesPerRequest => 1000;

    public Task<IReadOnlyList<Candle>> GetKlinesAsync(string symbol, Interval interval, long? startTime, long? endTime, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Components read history through ICandleHistory.");
}
