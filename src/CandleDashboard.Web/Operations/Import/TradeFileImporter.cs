using System.Diagnostics;
using CandleDashboard.Core.Building;
using CandleDashboard.Core.Import;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using CandleDashboard.Storage.Postgres;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>
/// The bulk import: reads published trade files in the order given, parses each line (<see cref="TradeLineParser"/>),
/// feeds one <see cref="LiveCandleBuilder"/> for all of them (the live path's own builder, so imported candles are
/// what the live feed would have built from the same trades) and commits through <see cref="CandleImportWriter"/>.
/// </summary>
/// <remarks>
/// <para><b>Commits and resumption.</b> Every <see cref="ImportSettings.CommitEveryLines"/> lines and at the end of each
/// file, one transaction upserts the candles closed since the last commit and saves the file's position (lines
/// consumed) with the builder's forming candles. A killed import loses at most the work since its last commit: the
/// next run restores the forming candles, skips the committed lines and goes on, so a bucket spanning the
/// checkpoint comes out identical. Forming candles are not written to <c>candles</c> before the end of the run (a
/// killed run leaves only finished buckets there); the last file's commit writes them, as closed.</para>
/// <para><b>Idempotency.</b> Every candle is keyed by its open time and upserted; an unchanged row is not rewritten.
/// A file found complete is skipped (its end state is restored for the next file).</para>
/// <para><b>Source.</b> Imported candles are <see cref="CandleSource.OfficialFromTrades"/>: built from the exchange's
/// own published record of every trade with the live builder, they are the exchange's history and go to the official
/// store (live-built candles never do), marked as the gap filler marks the candles it builds from the trades endpoint. Buckets at the edges of the imported range hold only the trades in the files.</para>
/// </remarks>
public sealed class TradeFileImporter
{
    private const int ReadBufferBytes = 1 << 20;
    private const int ReportEveryLines = 1 << 16;
    private const int MaxLineBytes = 16 << 20;

    private readonly CandleImportWriter _writer;
    private readonly ImportSettings _settings;
    private readonly SeriesKey[] _series;

    public TradeFileImporter(CandleImportWriter writer, ImportSettings settings)
    {
        _writer = writer;
        _settings = settings;
        _series = settings.Intervals.Select(i => new SeriesKey(settings.Exchange, settings.Symbol, i)).ToArray();
    }

    public async Task<ImportSummary> RunAsync(IReadOnlyList<string> paths, IImportProgress progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var summary = new ImportSummary { Files = paths.Count };
        var builder = new LiveCandleBuilder(_settings.Symbol, _settings.Intervals, TimeProvider.System);
        var pending = _series.Select(_ => new List<Candle>()).ToArray();
        builder.CandleClosed += (interval, candle) => pending[builder.IndexOf(interval)].Add(candle with { Source = CandleSource.OfficialFromTrades });

        for (var f = 0; f < paths.Count; f++)
        {
            var last = f == paths.Count - 1;
            using var file = TradeFile.Open(paths[f]);
            if (_settings.Restart)
            {
                await _writer.ForgetAsync(_settings.Exchange, _settings.Symbol, [file.Identity], cancellationToken).ConfigureAwait(false);
            }

            progress.FileStarted(f, paths.Count, file);
            var saved = await _writer.GetProgressAsync(_settings.Exchange, _settings.Symbol, file.Identity, cancellationToken).ConfigureAwait(false);
            var position = new FilePosition();
            if (saved is not null)
            {
                ImportState.Restore(builder, saved.State);
                position = new FilePosition { Lines = saved.LinesDone, Trades = saved.TradesDone, Malformed = saved.Malformed };
                if (saved.Completed)
                {
                    summary.FilesAlreadyDone++;
                    if (last)
                    {
                        await CommitAsync(builder, pending, file, position, completed: true, final: true, summary, cancellationToken).ConfigureAwait(false);
                    }

                    progress.FileFinished(file, alreadyDone: true);
                    continue;
                }

                summary.FilesResumed++;
            }

            await ImportFileAsync(file, builder, pending, position, last, summary, progress, cancellationToken).ConfigureAwait(false);
            progress.FileFinished(file, alreadyDone: false);
        }

        summary.Rejected = builder.RejectedTrades;
        summary.Late = builder.LateTrades;
        summary.Elapsed = watch.Elapsed;
        return summary;
    }

    private async Task ImportFileAsync(TradeFile file, LiveCandleBuilder builder, List<Candle>[] pending, FilePosition position,
        bool last, ImportSummary summary, IImportProgress progress, CancellationToken cancellationToken)
    {
        var skipThrough = position.Lines;
        var format = _settings.Format;
        var symbol = _settings.Symbol;
        var buffer = new byte[ReadBufferBytes];
        var filled = 0;
        long bytesDone = 0;
        var lineNumber = 0L;
        var sinceCommit = 0;
        var eof = false;
        while (!eof)
        {
            var read = await file.Content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            eof = read == 0;
            filled += read;
            var start = 0;
            while (true)
            {
                var span = buffer.AsSpan(start, filled - start);
                var newline = span.IndexOf((byte)'\n');
                ReadOnlySpan<byte> line;
                if (newline >= 0)
                {
                    line = span[..newline];
                    start += newline + 1;
                }
                else if (eof && span.Length > 0)
                {
                    line = span; // the last line without a final newline
                    start = filled;
                }
                else
                {
                    break;
                }

                lineNumber++;
                if (lineNumber <= skipThrough)
                {
                    summary.LinesSkipped++;
                    continue;
                }

                summary.Lines++;
                position.Lines = lineNumber;
                switch (TradeLineParser.Parse(format, line, lineNumber, symbol, out var trade, out var problem))
                {
                    case LineKind.Trade:
                        builder.Apply(trade);
                        position.Trades++;
                        summary.Trades++;
                        summary.FirstTradeTime ??= trade.Time;
                        summary.LastTradeTime = trade.Time;
                        break;
                    case LineKind.Malformed:
                        position.Malformed++;
                        summary.Malformed++;
                        if (summary.MalformedShown.Count < _settings.MalformedShown)
                        {
                            summary.MalformedShown.Add(new MalformedLine(file.Name, lineNumber, problem!));
                        }

                        break;
                }

                if (++sinceCommit >= _settings.CommitEveryLines)
                {
                    await CommitAsync(builder, pending, file, position, completed: false, final: false, summary, cancellationToken).ConfigureAwait(false);
                    sinceCommit = 0;
                }

                if ((lineNumber & (ReportEveryLines - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress.Advanced(bytesDone + start, summary.Trades);
                }
            }

            // Keep the unfinished line at the front of the buffer; grow it for a line longer than the buffer.
            var rest = filled - start;
            if (rest == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    throw new InvalidDataException($"{file.Name}:{lineNumber + 1}: a line longer than {MaxLineBytes / (1 << 20)} MiB; not a trade file");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else if (start > 0)
            {
                buffer.AsSpan(start, rest).CopyTo(buffer);
            }

            bytesDone += start;
            filled = rest;
        }

        progress.Advanced(bytesDone, summary.Trades);
        await CommitAsync(builder, pending, file, position, completed: true, final: last, summary, cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(LiveCandleBuilder builder, List<Candle>[] pending, TradeFile file, FilePosition position,
        bool completed, bool final, ImportSummary summary, CancellationToken cancellationToken)
    {
        var batch = new List<(SeriesKey, IReadOnlyList<Candle>)>(_series.Length);
        for (var i = 0; i < _series.Length; i++)
        {
            var candles = pending[i];
            if (final && builder.TryGetForming(_series[i].Interval, out var forming))
            {
                // The run's last bucket: the files hold nothing after it, so it is written as it stands, closed.
                candles.Add(forming with { IsClosed = true, Source = CandleSource.OfficialFromTrades });
            }

            summary.CandlesWritten[_series[i].Interval] = summary.CandlesWritten.GetValueOrDefault(_series[i].Interval) + candles.Count;
            batch.Add((_series[i], candles.ToArray()));
            candles.Clear();
        }

        var row = new ImportProgress(_settings.Exchange, _settings.Symbol, file.Identity, file.Name, position.Lines, position.Trades,
            position.Malformed, completed, ImportState.Save(builder));
        summary.RowsChanged += await _writer.CommitAsync(batch, row, cancellationToken).ConfigureAwait(false);
        summary.Commits++;
        if (_settings.PauseAfterCommit > TimeSpan.Zero && !final)
        {
            await Task.Delay(_settings.PauseAfterCommit, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class FilePosition
    {
        public long Lines;
        public long Trades;
        public long Malformed;
    }
}
