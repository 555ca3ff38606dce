using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CandleDashboard.Exchange.Kraken.Tests.Rest;

/// <summary>
/// Trade history over a range against the loopback REST peer, which answers every Trades request
/// with the one recorded page (trades 10218208..10219207, 17:23:53 to 00:13:55).
/// </summary>
public sealed class TradeHistoryTests : IAsyncLifetime
{
    private static readonly long Minute1724 = 1762795440_000;

    private readonly HttpClient _http = new();
    private LoopbackKrakenRest _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackKrakenRest.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private KrakenTradeHistory History() =>
        new(new KrakenRestClient(_http, Options.Create(new KrakenOptions { RestBaseUri = _server.BaseUri }), new FakeTimeProvider(), NullLogger<KrakenRestClient>.Instance));

    [Fact]
    public async Task A_range_inside_one_page_is_read_with_one_request()
    {
        var trades = await History().ReadAsync("BTCUSDT", Minute1724, Minute1724 + 60 * 60_000).ToListAsync();

        Assert.All(trades, t => Assert.InRange(t.Time, Minute1724, Minute1724 + 60 * 60_000 - 1));
        Assert.Equal(10218209, trades[0].TradeId); // 17:24:17.846, the first trade of the minute
        Assert.Equal(trades.Count, trades.Select(t => t.TradeId).Distinct().Count());
        Assert.Equal(["/0/public/AssetPairs", "/0/public/Trades?pair=XBTUSDT&since=1762795440000000000"], _server.Requests);
    }

    [Fact]
    public async Task Paging_follows_the_cursor_and_stops_when_a_page_brings_nothing_new()
    {
        var trades = await History().ReadAsync("BTCUSDT", Minute1724, long.MaxValue / 2_000_000).ToListAsync();

        Assert.Equal(999, trades.Count); // all but the 17:23 trade, each once although the page came twice
        Assert.Equal(
            ["/0/public/AssetPairs", "/0/public/Trades?pair=XBTUSDT&since=1762795440000000000", "/0/public/Trades?pair=XBTUSDT&since=1762820035982277754"],
            _server.Requests);
    }

    [Fact]
    public void The_ohlc_window_is_the_newest_720_candles_forming_one_included()
    {
        var now = 1762820200_000L; // 00:16:40

        Assert.Equal(1762820160_000L - (719 * 60_000L), KrakenIntervals.OldestServedOpenTime(Interval.OneMinute, now));
        Assert.Equal(1762819200_000L - (719 * 3_600_000L), KrakenIntervals.OldestServedOpenTime(Interval.OneHour, now));
        Assert.Throws<ArgumentException>(() => KrakenIntervals.OldestServedOpenTime(Interval.FifteenSeconds, now));
    }
}
