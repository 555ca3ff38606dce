using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Kraken.Rest;
using CandleDashboard.Exchange.Kraken.Streaming;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Kraken;

/// <summary>Kraken spot as the core's <see cref="IExchange"/>; <see cref="Rest"/> also pages trade history.</summary>
public sealed class KrakenExchange(IOptions<KrakenOptions> options, KrakenTradeFeed trades, KrakenRestClient rest) : IExchange
{
    public string Name { get; } = options.Value.ExchangeName;

    public ITradeFeed Trades => trades;

    public IKlineSource Klines => rest;

    public ISymbolDirectory Symbols => rest;

    public IServerTime ServerTime => rest;

    /// <summary>The REST client itself: trade history pages (<see cref="KrakenRestClient.GetTradesAsync"/>) and the pair map.</summary>
    public KrakenRestClient Rest => rest;

    /// <summary>Trade history over a time range, for candles older than the OHLC window.</summary>
    public KrakenTradeHistory TradeHistory { get; } = new(rest);
}
