using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.Buffers;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Fetching;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Indicators;
using CandleDashboard.Core.Market;
using CandleDashboard.Web.ScaleOut;

namespace CandleDashboard.Web.Venues;

/// <summary>
/// One exchange as this app runs it: its adapter and everything the app keeps per exchange — the
/// offered series, the live candles built from its trades, its tiered history, startup buffers,
/// live-vs-official log, shared indicators and its official-kline fetcher. Venues never share
/// candles: every store key and data_updated message carries <see cref="IExchange.Name"/>.
/// Built by <see cref="VenueFactory"/>; found by id through <see cref="VenueDirectory"/>.
/// </summary>
public sealed class Venue
{
    /// <summary>Lower-case id in routes, the API and the hub (<c>binance</c>, <c>kraken</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the toolbar and the admin page show (<c>Binance</c>).</summary>
    public required string DisplayName { get; init; }

    /// <summary>The adapter; its <see cref="IExchange.Name"/> is what candles are stored under (<c>simulator</c> in simulator mode).</summary>
    public required IExchange Exchange { get; init; }

    public required SeriesCatalog Catalog { get; init; }

    /// <summary>The live candles as every reader sees them.</summary>
    public required ILiveCandleStream Live { get; init; }

    /// <summary>The same feed as the trade sink the venue's trade pump writes to.</summary>
    public required LiveCandleFeed Feed { get; init; }

    public required ICandleHistory History { get; init; }

    public required CandleBufferSet Buffers { get; init; }

    public required ILiveDeltaSource LiveDeltas { get; init; }

    public required SharedIndicatorSet Indicators { get; init; }

    public required IndicatorHistory IndicatorHistory { get; init; }

    public required FetcherOptions FetcherOptions { get; init; }

    public required OfficialKlineFetcher Fetcher { get; init; }

    public required StoreReconciler Reconciler { get; init; }

    /// <summary>Whether this instance holds the exchange's connection and runs its fetcher, or follows the instance that does.</summary>
    public required VenueLeadership Leadership { get; init; }

    /// <summary>The live candles' source as traders and operators see it: the exchange's feed on the leader, the relay on a follower.</summary>
    public FeedStatus FeedStatus => Leadership.IsLeader ? Exchange.Trades.Status : Leadership.RelayStatus;

    /// <summary>The first configured venue: its charts keep the short routes.</summary>
    public bool IsDefault { get; init; }

    public override string ToString() => Id;
}
