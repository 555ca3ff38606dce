using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Binance.Rest;
using CandleDashboard.Exchange.Binance.Streaming;
using Microsoft.Extensions.Options;

namespace CandleDashboard.Exchange.Binance;

/// <summary>Binance spot (or anything speaking its protocol) as the core's <see cref="IExchange"/>.</summary>
public sealed class BinanceExchange(IOptions<BinanceOptions> options, BinanceTradeFeed trades, BinanceRestClient rest) : IExchange
{
    public string Name { get; } = options.Value.ExchangeName;

    public ITradeFeed Trades => trades;

    public IKlineSource Klines => rest;

    public ISymbolDirectory Symbols => rest;

    public IServerTime ServerTime => rest;
}
