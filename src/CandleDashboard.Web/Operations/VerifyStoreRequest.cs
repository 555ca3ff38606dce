using System.Globalization;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Operations;

/// <summary>
/// The arguments of <c>verify-store</c>: <c>--exchange E</c> (a configured venue; default: the default venue),
/// <c>--symbol S</c>, <c>--interval I</c>, <c>--from T</c>, <c>--to T</c>
/// (T: ISO-8601, UTC unless it says otherwise, or epoch milliseconds). Everything else is the app's own
/// configuration (e.g. <c>--ConnectionStrings:Postgres=…</c>) and goes to the host unchanged.
/// </summary>
public sealed record VerifyStoreRequest(string? Symbol, Interval? Interval, long? From, long? To, string[] HostArgs, string? Exchange = null)
{
    public static bool TryParse(IReadOnlyList<string> args, out VerifyStoreRequest request, out string? problem)
    {
        string? exchange = null, symbol = null;
        Interval? interval = null;
        long? from = null, to = null;
        var host = new List<string>();
        problem = null;
        request = new VerifyStoreRequest(null, null, null, null, []);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--exchange" or "--symbol" or "--interval" or "--from" or "--to"))
            {
                host.Add(name);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--exchange":
                    exchange = value; // checked against the configured venues once the host is built
                    break;
                case "--symbol" when Symbols.TryNormalize(value, out var normalized):
                    symbol = normalized;
                    break;
                case "--interval" when Core.Market.Interval.TryParse(value, out var parsed):
                    interval = parsed;
                    break;
                case "--from" when TryParseTime(value, out var t):
                    from = t;
                    break;
                case "--to" when TryParseTime(value, out var t):
                    to = t;
                    break;
                default:
                    problem = $"{name} '{value}' is not valid (symbols like BTCUSDT, intervals like 1m, times as ISO-8601 or epoch milliseconds).";
                    return false;
            }
        }

        if (from > to)
        {
            problem = "--from is after --to.";
            return false;
        }

        request = new VerifyStoreRequest(symbol, interval, from, to, [.. host], exchange);
        return true;
    }

    private static bool TryParseTime(string text, out long epochMs)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out epochMs))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            epochMs = time.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }
}
