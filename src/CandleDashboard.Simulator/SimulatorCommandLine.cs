using System.Globalization;

namespace CandleDashboard.Simulator;

/// <summary>Turns <c>--port 9443 --rate 20 --burst --seed 7 --symbols BTCUSDT,ETHUSDT --replay FILE --speed 10</c> into options.</summary>
public static class SimulatorCommandLine
{
    public const string Usage =
        "usage: CandleDashboard.Simulator [--port N] [--rate TRADES_PER_S_PER_SYMBOL] [--burst] [--seed N]\n" +
        "                                 [--symbols BTCUSDT,ETHUSDT] [--replay FILE.csv [--replay-symbol SYMBOL] [--speed N] [--replay-delay SECONDS]]\n" +
        "                                 [--ping-seconds N] [--kraken-symbols BTCUSD,ETHUSD] [--kraken-rate R] [--kraken-replay FILE.json]\n" +
        "                                 [--kraken-rate-limit MAX]";

    public static bool TryParse(IReadOnlyList<string> args, out SimulatorOptions options, out string? error)
    {
        options = new SimulatorOptions { Port = 9443 };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            try
            {
                switch (name)
                {
                    case "--port":
                        options.Port = int.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--rate":
                        options.TradesPerSecondPerSymbol = double.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--burst":
                        options.Burst = true;
                        break;
                    case "--seed":
                        options.Seed = int.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--symbols":
                        options.Symbols = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--replay":
                        options.ReplayFile = Value();
                        break;
                    case "--replay-symbol":
                        options.ReplaySymbol = Value();
                        break;
                    case "--speed":
                        options.ReplaySpeed = double.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--replay-delay":
                        options.ReplayDelay = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
                        break;
                    case "--ping-seconds":
                        options.PingInterval = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
                        break;
                    case "--kraken-symbols":
                        options.KrakenSymbols = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--kraken-rate":
                        options.KrakenTradesPerSecondPerPair = double.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--kraken-replay":
                        options.KrakenReplayFile = Value();
                        break;
                    case "--kraken-rate-limit":
                        options.KrakenRateLimitMaximum = double.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "-h" or "--help":
                        error = "";
                        return false;
                    default:
                        error = $"Unknown option '{name}'.";
                        return false;
                }
            }
            catch (FormatException e)
            {
                error = $"Bad value for {name}: {e.Message}";
                return false;
            }
        }

        return true;
    }
}
