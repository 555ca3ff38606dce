using CandleDashboard.Core.Market;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// A Binance market stream name: <c>&lt;symbol lower case&gt;@trade</c>, <c>&lt;symbol&gt;@aggTrade</c> or
/// <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>. Those are the streams the simulator feeds; other names are
/// refused rather than silently starved.
/// </summary>
/// <param name="IntervalIndex">For klines, the index into <see cref="BinanceIntervals.All"/>; -1 otherwise.</param>
internal readonly record struct StreamName(string Symbol, StreamKind Kind, int IntervalIndex = -1)
{
    /// <summary>The name as Binance writes it, e.g. <c>btcusdt@aggTrade</c>.</summary>
    public override string ToString() => Kind switch
    {
        StreamKind.Trade => Format(Symbol, "trade"),
        StreamKind.AggTrade => Format(Symbol, "aggTrade"),
        _ => Format(Symbol, "kline_" + BinanceIntervals.All[IntervalIndex].Code),
    };

    public static bool TryParse(string? text, out StreamName name)
    {
        name = default;
        var at = text?.IndexOf('@') ?? -1;
        if (text is null || at <= 0)
        {
            return false;
        }

        var symbolPart = text[..at];
        var kindPart = text[(at + 1)..];

        // Binance stream names carry the symbol in lower case; upper case is not the same stream there.
        if (!string.Equals(symbolPart, symbolPart.ToLowerInvariant(), StringComparison.Ordinal)
            || !Symbols.IsValid(symbolPart.ToUpperInvariant()))
        {
            return false;
        }

        if (kindPart.StartsWith("kline_", StringComparison.Ordinal))
        {
            if (!BinanceIntervals.TryParse(kindPart["kline_".Length..], out _, out var index))
            {
                return false;
            }

            name = new StreamName(symbolPart.ToUpperInvariant(), StreamKind.Kline, index);
            return true;
        }

        StreamKind? kind = kindPart switch
        {
            "trade" => StreamKind.Trade,
            "aggTrade" => StreamKind.AggTrade,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        name = new StreamName(symbolPart.ToUpperInvariant(), kind.Value);
        return true;
    }

    private static string Format(string symbol, string kind) => symbol.ToLowerInvariant() + "@" + kind;
}
