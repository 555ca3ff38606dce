using System.Globalization;
using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Rest;

/// <summary>
/// The validated parameters of <c>GET /api/v3/klines</c>, checked in the order Binance checks them:
/// mandatory parameters, then number syntax, then interval, then symbol, then ranges.
/// </summary>
internal sealed record KlineQuery(SymbolMarket Market, Interval Interval, int IntervalIndex, long? StartTime, long? EndTime, int Limit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static (KlineQuery? Query, BinanceError? Error) Parse(IQueryCollection query, IReadOnlyDictionary<string, SymbolMarket> markets)
    {
        string? symbol = query["symbol"];
        string? intervalCode = query["interval"];
        if (string.IsNullOrEmpty(symbol))
        {
            return (null, BinanceError.Mandatory("symbol"));
        }

        if (string.IsNullOrEmpty(intervalCode))
        {
            return (null, BinanceError.Mandatory("interval"));
        }

        if (!TryNumber(query, "startTime", out var startTime, out var error)
            || !TryNumber(query, "endTime", out var endTime, out error)
            || !TryNumber(query, "limit", out var limit, out error))
        {
            return (null, error);
        }

        if (!BinanceIntervals.TryParse(intervalCode, out var interval, out var index))
        {
            return (null, BinanceError.InvalidInterval);
        }

        if (!markets.TryGetValue(symbol.ToUpperInvariant(), out var market))
        {
            return (null, BinanceError.InvalidSymbol);
        }

        if (startTime is not null && endTime is not null && startTime > endTime)
        {
            return (null, BinanceError.StartAfterEnd);
        }

        // Binance refuses a zero limit but quietly caps anything above the maximum.
        if (limit is 0)
        {
            return (null, BinanceError.InvalidValue("limit"));
        }

        var effectiveLimit = (int)Math.Min(limit ?? DefaultLimit, MaxLimit);
        return (new KlineQuery(market, interval, index, startTime, endTime, effectiveLimit), null);
    }

    private static bool TryNumber(IQueryCollection query, string name, out long? value, out BinanceError? error)
    {
        value = null;
        error = null;
        string? text = query[name];
        if (text is null)
        {
            return true;
        }

        if (text.Length is 0 or > 20 || !text.All(char.IsAsciiDigit)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            error = BinanceError.IllegalCharacters(name);
            return false;
        }

        value = parsed;
        return true;
    }
}
