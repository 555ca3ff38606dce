using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Redis;

/// <summary>
/// The text form of a <see cref="RelayedCandle"/> on the live-candle channel:
/// <c>symbol|interval|candle</c>, then <c>|lastClosed</c> when one travels with a forming candle, each candle in
/// <see cref="RedisCandleCodec"/>'s form (exact decimals). Text rather than JSON: it is decoded about ten times a
/// second per series on every instance, and the candle form is already the stores'.
/// </summary>
public static class RelayedCandleCodec
{
    public static string Encode(RelayedCandle relayed)
    {
        var update = relayed.Update;
        var head = $"{update.Symbol}|{update.Interval.Code}|{RedisCandleCodec.Encode(update.Candle)}";
        return relayed.LastClosed is { } closed ? $"{head}|{RedisCandleCodec.Encode(closed)}" : head;
    }

    /// <summary>False for anything that is not a relayed candle (counted and skipped by the caller).</summary>
    public static bool TryDecode(string? text, out RelayedCandle relayed)
    {
        relayed = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('|');
        if (parts.Length is < 3 or > 4 || !Symbols.IsValid(parts[0]) || !Interval.TryParse(parts[1], out var interval))
        {
            return false;
        }

        try
        {
            var candle = RedisCandleCodec.Decode(parts[2]);
            Candle? lastClosed = parts.Length == 4 ? RedisCandleCodec.Decode(parts[3]) : null;
            relayed = new RelayedCandle(new CandleUpdate(parts[0], interval, candle), lastClosed);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
