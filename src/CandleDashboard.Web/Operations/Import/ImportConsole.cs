using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>
/// The import's console: a Spectre.Console progress bar per file and a summary table on a terminal; plain lines (a
/// progress line every few seconds, the summary as text) when the output is redirected or captured.
/// </summary>
public sealed class ImportConsole
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly IAnsiConsole _console;

    public ImportConsole(TextWriter output, bool interactive)
    {
        _output = output;
        _interactive = interactive;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        });
    }

    public async Task<ImportSummary> RunAsync(Func<IImportProgress, Task<ImportSummary>> run)
    {
        if (!_interactive)
        {
            return await run(new PlainProgress(_output));
        }

        ImportSummary? summary = null;
        await _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => summary = await run(new BarProgress(context)));
        return summary!;
    }

    public void WriteSummary(ImportSummary s, ImportSettings settings)
    {
        var rate = s.TradesPerSecond.ToString("N0", CultureInfo.InvariantCulture);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"Imported {s.Trades:N0} trades of {settings.Exchange} {settings.Symbol} in {s.Elapsed.TotalSeconds:0.0} s ({rate} trades/s)");
        var rows = new List<(string, string)>
        {
            ("files", string.Create(CultureInfo.InvariantCulture, $"{s.Files} ({s.FilesAlreadyDone} already complete, {s.FilesResumed} resumed)")),
            ("lines read", string.Create(CultureInfo.InvariantCulture, $"{s.Lines:N0} (+{s.LinesSkipped:N0} committed before, skipped)")),
            ("trades", string.Create(CultureInfo.InvariantCulture, $"{s.Trades:N0} ({ImportCommand.Time(s.FirstTradeTime)} to {ImportCommand.Time(s.LastTradeTime)})")),
            ("malformed lines", s.Malformed.ToString("N0", CultureInfo.InvariantCulture)),
            ("rejected / late trades", string.Create(CultureInfo.InvariantCulture, $"{s.Rejected:N0} / {s.Late:N0}")),
            ("candles written", string.Join(", ", s.CandlesWritten.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.Code} {p.Value:N0}")))),
            ("rows inserted or changed", s.RowsChanged.ToString("N0", CultureInfo.InvariantCulture)),
            ("commits", s.Commits.ToString(CultureInfo.InvariantCulture)),
            ("copied to Redis", s.RedisCandles.ToString("N0", CultureInfo.InvariantCulture)),
        };

        if (_interactive)
        {
            var table = new Table().Title(Markup.Escape(head)).AddColumn("").AddColumn("");
            table.HideHeaders();
            foreach (var (name, value) in rows)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            _console.Write(table);
            foreach (var line in s.MalformedShown)
            {
                _console.MarkupLine($"[yellow]malformed[/] {Markup.Escape(line.ToString())}");
            }
        }
        else
        {
            _output.WriteLine(head);
            foreach (var (name, value) in rows)
            {
                _output.WriteLine($"  {name}: {value}");
            }

            foreach (var line in s.MalformedShown)
            {
                _output.WriteLine($"malformed {line}");
            }
        }

        if (s.Late > 0)
        {
            // The builder never reopens a closed bucket: a trade older than it is lost there (as live).
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {s.Late:N0} trades were older than a bucket already closed and were left out of it; give the files oldest first"));
        }

        if (s.Malformed > s.MalformedShown.Count)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {s.Malformed - s.MalformedShown.Count:N0} more malformed lines"));
        }

        _output.Flush();
    }

    private sealed class BarProgress(ProgressContext context) : IImportProgress
    {
        private ProgressTask? _task;

        public void FileStarted(int index, int count, TradeFile file)
        {
            _task = context.AddTask(Markup.Escape($"[{index + 1}/{count}] {Path.GetFileName(file.Name)}"), maxValue: Math.Max(1, file.Length));
        }

        public void Advanced(long bytesDone, long trades) => _task?.Value(bytesDone);

        public void FileFinished(TradeFile file, bool alreadyDone)
        {
            if (_task is not null)
            {
                if (alreadyDone)
                {
                    _task.Description += " (already imported)";
                }

                _task.Value(_task.MaxValue);
                _task.StopTask();
            }
        }
    }

    private sealed class PlainProgress(TextWriter output) : IImportProgress
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private TradeFile? _file;

        public void FileStarted(int index, int count, TradeFile file)
        {
            _file = file;
            output.WriteLine($"[{index + 1}/{count}] {file.Name}");
            output.Flush();
        }

        public void Advanced(long bytesDone, long trades)
        {
            if (_since.Elapsed < PlainEvery || _file is null)
            {
                return;
            }

            _since.Restart();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {100.0 * bytesDone / Math.Max(1, _file.Length):0.0}% of {Path.GetFileName(_file.Name)}, {trades:N0} trades"));
            output.Flush();
        }

        public void FileFinished(TradeFile file, bool alreadyDone)
        {
            output.WriteLine(alreadyDone ? $"  {file.Name}: already imported (skipped)" : $"  {file.Name}: done");
            output.Flush();
        }
    }
}
