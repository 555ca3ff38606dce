using CandleDashboard.Storage.Postgres.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CandleDashboard.Storage.Postgres.Tests;

/// <summary>Queue semantics of the durable writer against an in-process store that can be switched off (no server needed).</summary>
public sealed class DurableCandleWriterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static PostgresOptions Options(int capacity) => new()
    {
        ConnectionString = "unused",
        MaxQueuedCandles = capacity,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        WriterMaxBackoff = TimeSpan.FromMilliseconds(20),
        ShutdownFlushTimeout = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Writes_made_while_the_store_is_down_arrive_in_order_once_it_is_back()
    {
        var inner = new GatedStore { Down = true };
        await using var writer = new DurableCandleWriter(inner, Options(1000));
        var candles = Candles.Sequence(30, Candles.BtcMinute.Interval);

        for (var i = 0; i < candles.Length; i += 3)
        {
            await writer.UpsertAsync(Candles.BtcMinute, candles[i..(i + 3)], CancellationToken.None);
        }

        await Eventually.ReachesAsync(() => Task.FromResult(inner.FailedAttempts), n => n >= 2, Deadline, "writer retried against the down store");
        Assert.Equal(30, writer.PendingCandles);
        Assert.Empty(inner.Written);
        Assert.Equal("store is down", writer.Status.LastError);
        Assert.NotNull(writer.Status.FailingSince);

        inner.Down = false;
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(candles, inner.Written);
        Assert.Equal(new DurableWriterStatus(0, null, null), writer.Status);
    }

    [Fact]
    public async Task A_full_queue_makes_callers_wait_and_says_so_and_drops_nothing()
    {
        var inner = new GatedStore { Down = true };
        var logger = new ListLogger<DurableCandleWriter>();
        await using var writer = new DurableCandleWriter(inner, Options(capacity: 10), logger);
        var candles = Candles.Sequence(15, Candles.BtcMinute.Interval);

        await writer.UpsertAsync(Candles.BtcMinute, candles[..10], CancellationToken.None);
        var blocked = writer.UpsertAsync(Candles.BtcMinute, candles[10..], CancellationToken.None);

        await Eventually.ReachesAsync(() => Task.FromResult(logger.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("queue is full"))),
            full => full, Deadline, "queue-full error logged");
        Assert.False(blocked.IsCompleted);
        Assert.Equal(10, writer.PendingCandles);

        inner.Down = false;
        await blocked.WaitAsync(Deadline);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Deadline);
        Assert.Equal(candles, inner.Written);
    }

    [Fact]
    public async Task A_waiting_caller_can_give_up_by_cancelling()
    {
        var inner = new GatedStore { Down = true };
        await using var writer = new DurableCandleWriter(inner, Options(capacity: 2));
        await writer.UpsertAsync(Candles.BtcMinute, Candles.Sequence(2, Candles.BtcMinute.Interval), CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var blocked = writer.UpsertAsync(Candles.BtcMinute, [Candles.At(Candles.Start + 999_999_000)], cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Equal(2, writer.PendingCandles);
    }

    [Fact]
    public async Task A_batch_larger_than_the_bound_is_accepted_into_an_empty_queue()
    {
        var inner = new GatedStore();
        await using var writer = new DurableCandleWriter(inner, Options(capacity: 5));
        var candles = Candles.Sequence(20, Candles.BtcMinute.Interval);

        await writer.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None).WaitAsync(Deadline);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(candles, inner.Written);
    }

    [Fact]
    public async Task Dispose_drains_what_it_can_and_logs_what_it_could_not()
    {
        var inner = new GatedStore();
        var logger = new ListLogger<DurableCandleWriter>();
        var writer = new DurableCandleWriter(inner, Options(1000), logger);
        var candles = Candles.Sequence(5, Candles.BtcMinute.Interval);
        await writer.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Deadline);
        inner.Down = true;
        await writer.UpsertAsync(Candles.BtcMinute, [Candles.At(Candles.Start + 3_600_000)], CancellationToken.None);

        await writer.DisposeAsync().AsTask().WaitAsync(Deadline);

        Assert.Equal(candles, inner.Written);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("stopped with 1 candles not written"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.UpsertAsync(Candles.BtcMinute, candles, CancellationToken.None));
    }
}
