namespace CandleDashboard.Web.Hubs;

/// <summary>
/// Starts a hub send that nobody waits for, bounded by a deadline for its slow connections.
/// </summary>
/// <remarks>
/// SignalR writes a group message into every connection's outgoing pipe before its send returns;
/// the returned task is pending only for connections whose pipe is full (above
/// <c>HttpConnectionDispatcherOptions.TransportMaxBufferSize</c>, 64 KiB), i.e. followers that
/// stopped reading. Awaiting it would make the next update of the series wait for the slowest
/// follower, so the caller goes on at once and the pending part is left to SignalR with a
/// cancellation token that fires after <see cref="CandleHubOptions.SlowFollowerTimeout"/>: SignalR
/// then cancels that connection's flush and aborts the connection (its own write-failure path).
/// Until then each further message to it waits in SignalR's per-connection write queue, in order,
/// so what a stalled follower costs is bounded by rate × timeout messages.
/// </remarks>
internal static class HubSendDeadline
{
    /// <param name="send">The send, given the deadline's token.</param>
    /// <param name="watch">Told when the send is held up by a slow follower and when that ends.</param>
    /// <param name="onFailed">
    /// Called once when the send failed, or with an <see cref="OperationCanceledException"/> when a
    /// slow follower missed the deadline (SignalR aborts it).
    /// </param>
    public static void Start(Func<CancellationToken, Task> send, TimeSpan timeout, SlowSendWatch? watch, Action<Exception> onFailed)
    {
        var deadline = new CancellationTokenSource(timeout);
        Task task;
        try
        {
            task = send(deadline.Token);
        }
        catch (Exception ex)
        {
            deadline.Dispose();
            onFailed(ex);
            return;
        }

        if (task.IsCompleted)
        {
            // The common case: every connection took the message at once.
            Finish(task, deadline, onFailed);
            return;
        }

        var startedAt = watch?.Pending() ?? 0;
        _ = task.ContinueWith(
            static (t, state) =>
            {
                var (deadline, onFailed, watch, startedAt) = ((CancellationTokenSource, Action<Exception>, SlowSendWatch?, long))state!;
                watch?.Ended(startedAt);
                Finish(t, deadline, onFailed);
            },
            (deadline, onFailed, watch, startedAt),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void Finish(Task task, CancellationTokenSource deadline, Action<Exception> onFailed)
    {
        // The write that was in flush when the deadline fired completes normally (SignalR catches
        // the cancellation and aborts the connection); the writes queued behind it are cancelled.
        var missed = task.IsCanceled || deadline.IsCancellationRequested;
        deadline.Dispose();
        if (task.IsFaulted && task.Exception!.GetBaseException() is not OperationCanceledException)
        {
            onFailed(task.Exception.GetBaseException());
        }
        else if (missed || task.IsFaulted)
        {
            onFailed(new OperationCanceledException("A follower did not take the message before the deadline."));
        }
    }
}
