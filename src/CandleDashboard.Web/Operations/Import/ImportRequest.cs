using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CandleDashboard.Core.Import;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>The import command's arguments: <c>import --exchange binance|kraken --symbol S [options] FILE…</c>.</summary>
public sealed class ImportRequest
{
    public const string Usage = """
        usage: import --exchange binance|kraken --symbol SYMBOL [options] FILE...
          FILE               a trade CSV, or a .zip holding one (data.binance.vision); imported in the order given
          --exchange         binance: trade_id,price,qty,quote_qty,time,is_buyer_maker,is_best_match
                             kraken:  timestamp,price,volume (Unix seconds, fraction allowed)
          --symbol           the product's symbol, e.g. BTCUSDT
          --commit-every N   lines between two commits (default 1000000)
          --restart          forget saved positions and import every file from its first line
          --Section:Key=V    any app setting, e.g. --ConnectionStrings:Postgres="Host=...;Username=...;Password=..."
        """;

    public required TradeFileFormat Format { get; init; }

    public required string Exchange { get; init; }

    public required string Symbol { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public int CommitEveryLines { get; init; } = 1_000_000;

    public bool Restart { get; init; }

    public TimeSpan PauseAfterCommit { get; init; }

    /// <summary>Configuration overrides (<c>--Section:Key=value</c>), passed on as command-line configuration.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out ImportRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        string? exchange = null, symbol = null;
        var files = new List<string>();
        var configuration = new List<string>();
        var commitEvery = 1_000_000;
        var pauseMs = 0;
        var restart = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--exchange":
                    exchange = Value()?.ToLowerInvariant();
                    break;
                case "--symbol":
                    symbol = Value();
                    break;
                case "--commit-every":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out commitEvery) || commitEvery < 1)
                    {
                        problem = "--commit-every needs a whole number of lines ≥ 1.";
                        return false;
                    }

                    break;
                case "--pause-after-commit-ms": // tests: room to kill the process between two commits
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out pauseMs))
                    {
                        problem = "--pause-after-commit-ms needs a whole number.";
                        return false;
                    }

                    break;
                case "--restart":
                    restart = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains('=') || arg.Contains(':')))
                    {
                        configuration.Add(arg);
                        if (!arg.Contains('=') && i + 1 < args.Count)
                        {
                            configuration.Add(args[++i]);
                        }
                    }
                    else if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        problem = $"unknown option {InputEcho(arg)}.";
                        return false;
                    }
                    else
                    {
                        files.Add(arg);
                    }

                    break;
            }
        }

        TradeFileFormat format;
        switch (exchange)
        {
            case "binance":
                format = TradeFileFormat.Binance;
                break;
            case "kraken":
                format = TradeFileFormat.Kraken;
                break;
            case null:
                problem = "--exchange binance|kraken is required.";
                return false;
            default:
                problem = $"--exchange must be binance or kraken, not {InputEcho(exchange)}.";
                return false;
        }

        if (!Symbols.TryNormalize(symbol, out var normalized))
        {
            problem = symbol is null ? "--symbol is required." : $"--symbol {InputEcho(symbol)} is not a symbol (2–20 letters or digits).";
            return false;
        }

        if (files.Count == 0)
        {
            problem = "name at least one trade file.";
            return false;
        }

        request = new ImportRequest
        {
            Format = format,
            Exchange = exchange,
            Symbol = normalized,
            Files = files,
            CommitEveryLines = commitEvery,
            Restart = restart,
            PauseAfterCommit = TimeSpan.FromMilliseconds(pauseMs),
            ConfigurationArgs = configuration,
        };
        problem = null;
        return true;
    }

    private static string InputEcho(string text) => CandleDashboard.Core.Market.InputEcho.Of(text);
}
