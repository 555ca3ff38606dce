using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Replay;

/// <summary>
/// Reads Binance's public trades dump (data.binance.vision): no header, one trade a line,
/// <c>trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match</c>. Times are epoch milliseconds
/// (newer dumps use microseconds; 16-digit times are scaled down).
/// </summary>
internal static class TradeCsvReader
{
    public static List<SimTrade> Read(string path)
    {
        var trades = new List<SimTrade>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            trades.Add(Parse(line, path, lineNumber));
        }

        return trades;
    }

    private static SimTrade Parse(string line, string path, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length < 6
            || !long.TryParse(fields[0], out var id)
            || !FixedPoint.TryParse(fields[1], out var price)
            || !FixedPoint.TryParse(fields[2], out var quantity)
            || !long.TryParse(fields[4], out var time)
            || !bool.TryParse(fields[5], out var isBuyerMaker))
        {
            throw new FormatException($"{path}:{lineNumber}: not a Binance trade row (trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match): '{line}'");
        }

        if (time > 10_000_000_000_000)
        {
            time /= 1000;
        }

        return new SimTrade(id, price, quantity, time, isBuyerMaker);
    }
}
