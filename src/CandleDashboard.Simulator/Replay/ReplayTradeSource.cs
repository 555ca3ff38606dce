using CandleDashboard.Simulator.Generation;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Replay;

/// <summary>
/// Plays a recorded tape in order. Time is shifted so the first row trades at the replay's start instant
/// and every gap is divided by the speed: row time t becomes start + (t − t₀) / speed. Trade ids, prices,
/// quantities and maker flags are the file's own. When the file ends the symbol falls silent.
/// </summary>
internal sealed class ReplayTradeSource(SymbolMarket market, IReadOnlyList<SimTrade> rows, double speed, ITradeSink tape, TimeProvider timeProvider)
{
    public async Task RunAsync(long startTime, CancellationToken stopping)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var firstRowTime = rows[0].Time;
        foreach (var row in rows)
        {
            var due = startTime + (row.Time - firstRowTime) / speed;
            market.SetWatermark((long)Math.Floor(due));
            var wait = due - Clock.NowMs(timeProvider);
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), timeProvider, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            tape.Publish(market, row with { Time = (long)Math.Floor(due) });
        }

        market.SetWatermark(long.MaxValue);
    }
}
