using CandleDashboard.Core.Accuracy;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Core.Buffers;

/// <summary>
/// One <see cref="CandleBuffer"/> per symbol × interval, loaded at startup from the tiered history
/// (Redis, then PostgreSQL, then the exchange) while the live stream connects (neither waits for
/// the other), then kept current by closed live candles and data_updated. With
/// <c>liveDeltas</c>, each official candle replacing a live-built one is recorded there
/// (live vs official, issue 10 point 6).
/// </summary>
public sealed class CandleBufferSet
{
    private readonly Dictionary<(string Symbol, Interval Interval), CandleBuffer> _buffers;
    private readonly ICandleHistory _history;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public CandleBufferSet(
        IEnumerable<string> symbols,
        IReadOnlyList<Interval> intervals,
        int capacity,
        ICandleHistory history,
        TimeProvider timeProvider,
        ILogger<CandleBufferSet>? logger = null,
        LiveDeltaLogSet? liveDeltas = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _buffers = symbols
            .SelectMany(s => intervals.Select(i => new CandleBuffer(s, i, capacity, liveDeltas?.Get(s, i))))
            .ToDictionary(b => (b.Symbol, b.Interval));
        _history = history;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<CandleBufferSet>.Instance;
    }

    public IReadOnlyList<CandleBufferStatus> Statuses => [.. _buffers.Values.Select(b => b.Status)];

    public bool AllReady => _buffers.Values.All(b => b.Status.State == BufferState.Ready);

    public CandleBuffer? Get(string symbol, Interval interval) => _buffers.GetValueOrDefault((symbol, interval));

    /// <summary>Loads every buffer, a few at a time; a failing series is marked degraded, never fatal.</summary>
    public Task LoadAllAsync(int parallelism, CancellationToken cancellationToken) =>
        LoadAsync(_buffers.Values, parallelism, cancellationToken);

    /// <summary>
    /// Loads again every buffer whose load failed; true when all are ready afterwards. The host
    /// calls it with backoff until it returns true, so a store or exchange outage at startup heals.
    /// </summary>
    public async Task<bool> ReloadDegradedAsync(int parallelism, CancellationToken cancellationToken)
    {
        var degraded = _buffers.Values.Where(b => b.Status.State == BufferState.Degraded).ToArray();
        if (degraded.Length > 0)
        {
            await LoadAsync(degraded, parallelism, cancellationToken).ConfigureAwait(false);
        }

        return AllReady;
    }

    private Task LoadAsync(IEnumerable<CandleBuffer> buffers, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            buffers,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (buffer, ct) =>
            {
                try
                {
                    var slice = await _history.LoadAsync(buffer.Symbol, buffer.Interval, buffer.Capacity, ct).ConfigureAwait(false);
                    buffer.Load(slice.Candles, slice.Source, _timeProvider.GetUtcNow());
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Any failure but our own shutdown, including a client-side timeout (which is an
                    // OperationCanceledException too): the series is degraded, the others load on.
                    _logger.LogError(ex, "Loading the {Symbol} {Interval} buffer failed", buffer.Symbol, buffer.Interval);
                    buffer.MarkDegraded(ex.Message, _timeProvider.GetUtcNow());
                }
            });

    /// <summary>A live candle closed (from the live feed).</summary>
    public void OnCandleClosed(CandleUpdate update) =>
        Get(update.Symbol, update.Interval)?.Apply([update.Candle], _timeProvider.GetUtcNow());

    /// <summary>Official candles were committed: take them from the stores into the buffer.</summary>
    public async Task OnDataUpdatedAsync(DataUpdated message, CancellationToken cancellationToken)
    {
        if (!Interval.TryParse(message.Interval, out var interval) || Get(message.Symbol, interval) is not { } buffer)
        {
            return;
        }

        var official = await _history.GetRangeAsync(message.Symbol, interval, message.From, message.To, cancellationToken).ConfigureAwait(false);
        buffer.Apply(official, _timeProvider.GetUtcNow());
    }
}
