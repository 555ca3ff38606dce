using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Kraken.Candles;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Streaming;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken;

/// <summary>Kraken spot as the core's <see cref="IExchange"/>; <see cref="Rest"/> also pages trade history.</summary>
public sealed class KrakenExchange : IExchange
{
    public KrakenExchange(IOptions<KrakenOptions> options, KrakenTradeFeed trades, KrakenRestClient rest, TimeProvider timeProvider)
    {
        Name = options.Value.ExchangeName;
        Trades = trades;
        Rest = rest;
        TradeHistory = new KrakenTradeHistory(rest);
        Klines = new KrakenKlineSource(rest, new TradeCandleReader(rest, TradeHistory, options.Value, timeProvider), timeProvider);
    }

    public string Name { get; }

    public ITradeFeed Trades { get; }

    /// <summary>OHLC where Kraken serves it, candles built from trades where it does not (<see cref="KrakenKlineSource"/>).</summary>
    public IKlineSource Klines { get; }

    public ISymbolDirectory Symbols => Rest;

    public IServerTime ServerTime => Rest;

    /// <summary>The REST client itself: trade history pages (<see cref="KrakenRestClient.GetTradesAsync"/>) and the pair map.</summary>
    public KrakenRestClient Rest { get; }

    /// <summary>Trade history over a time range, for candles older than the OHLC window.</summary>
    public KrakenTradeHistory TradeHistory { get; }
}
