using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>
/// The outcome of parsing one message. A struct so the trade path allocates nothing; only the
/// rare error frame carries a heap string.
/// </summary>
/// <param name="Kind">What the message was.</param>
/// <param name="Trade">The trade when <paramref name="Kind"/> is <see cref="BinanceFrameKind.Trade"/>.</param>
/// <param name="SymbolIndex">Index of the trade's symbol in the <see cref="SymbolTable"/>, else -1.</param>
/// <param name="Detail">Why a frame was skipped or malformed (a constant), or the server's error message.</param>
/// <param name="ErrorCode">The server's error code for <see cref="BinanceFrameKind.Error"/>.</param>
public readonly record struct BinanceFrame(
    BinanceFrameKind Kind,
    Trade Trade = default,
    int SymbolIndex = -1,
    string? Detail = null,
    int? ErrorCode = null)
{
    internal static BinanceFrame Skip(string reason) => new(BinanceFrameKind.Skipped, Detail: reason);

    internal static BinanceFrame Malformed(string reason) => new(BinanceFrameKind.Malformed, Detail: reason);
}
