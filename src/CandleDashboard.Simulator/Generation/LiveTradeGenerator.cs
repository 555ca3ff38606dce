using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Generation;

/// <summary>
/// Produces the live random-walk tape for a set of symbols. Arrival times are drawn ahead (Poisson
/// process); on each wake-up every arrival that is now due is printed with its own time, so the rate
/// holds on average even when the timer or the machine is slow, and burst rates need no 0.2 ms timers.
/// </summary>
internal sealed class LiveTradeGenerator
{
    /// <summary>Burst mode aims above the promised 5,000 trades/s so that the floor holds with margin.</summary>
    public const double BurstTradesPerSecondTotal = 6_000;

    /// <summary>
    /// After a longer stall (machine asleep, debugger, a fake clock jumping hours) the missed stretch is
    /// skipped, leaving empty buckets, instead of flooding clients with hours of trades at once.
    /// </summary>
    private const double MaxCatchUpMs = 5_000;

    private readonly IReadOnlyList<(SymbolMarket Market, PriceWalk Walk)> _symbols;
    private readonly ITradeSink _tape;
    private readonly TimeProvider _timeProvider;
    private readonly double _ratePerSymbol;
    private readonly double _quantityScale;

    public LiveTradeGenerator(IReadOnlyList<(SymbolMarket Market, PriceWalk Walk)> symbols, ITradeSink tape, SimulatorOptions options, double? ratePerSymbol = null)
    {
        _symbols = symbols;
        _tape = tape;
        _timeProvider = options.TimeProvider;
        _ratePerSymbol = ratePerSymbol ?? RatePerSymbol(options, symbols.Count);

        // Burst mode prints many more, smaller trades: volume per minute stays what the normal rate gives.
        _quantityScale = ratePerSymbol is null && _ratePerSymbol > 0 ? Math.Min(1, options.TradesPerSecondPerSymbol / _ratePerSymbol) : 1;
    }

    public static double RatePerSymbol(SimulatorOptions options, int symbolCount) =>
        options.Burst && symbolCount > 0
            ? Math.Max(options.TradesPerSecondPerSymbol, BurstTradesPerSecondTotal / symbolCount)
            : options.TradesPerSecondPerSymbol;

    /// <param name="startTime">UTC epoch ms where the history ended; the first arrivals are drawn from here.</param>
    public async Task RunAsync(double startTime, CancellationToken stopping)
    {
        if (_symbols.Count == 0 || _ratePerSymbol <= 0)
        {
            return;
        }

        var nextArrival = _symbols.Select(s => startTime + s.Walk.NextGapSeconds(_ratePerSymbol) * 1000).ToArray();
        while (!stopping.IsCancellationRequested)
        {
            var now = NowMs();
            for (var i = 0; i < _symbols.Count; i++)
            {
                var (market, walk) = _symbols[i];
                if (now - nextArrival[i] > MaxCatchUpMs)
                {
                    nextArrival[i] = now - MaxCatchUpMs;
                }

                while (nextArrival[i] <= now)
                {
                    _tape.Publish(market, walk.Next(market.LastTradeId + 1, nextArrival[i], _quantityScale));
                    nextArrival[i] += walk.NextGapSeconds(_ratePerSymbol) * 1000;
                }

                market.SetWatermark((long)Math.Floor(nextArrival[i]));
            }

            var wait = Math.Max(1, nextArrival.Min() - NowMs());
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), _timeProvider, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private double NowMs() => Clock.NowMs(_timeProvider);
}
