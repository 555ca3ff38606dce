using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Generation;

/// <summary>
/// The seeded random walk of one symbol: log-price with a slow pull back to the start price
/// (an Ornstein–Uhlenbeck process) so a year of history stays in a realistic range, volatility scaled
/// by the time between trades so a coarse history and a fast live tape have the same daily swings.
/// Quantities are log-normal around the symbol's typical size, rounded to its lot step.
/// </summary>
internal sealed class PriceWalk
{
    /// <summary>About 3 % standard deviation per day, a typical crypto major.</summary>
    private const double SigmaPerSqrtSecond = 0.03 / 293.9387691339814; // sqrt(86400)

    /// <summary>Deviations from the start price halve in about 30 days, keeping a year within roughly ±30 %.</summary>
    private const double ReversionPerSecond = 0.6931471805599453 / (30 * 86400.0);

    private const double QuantitySigma = 1.1;

    private readonly Random _random;
    private readonly SymbolProfile _profile;
    private readonly double _logMean;
    private readonly long _tickUnits;
    private readonly long _stepUnits;
    private readonly double _logMedianQuantity;
    private double _logPrice;
    private long _lastPriceUnits;
    private double _lastTimeMs = double.NaN;

    public PriceWalk(SymbolProfile profile, int seed)
    {
        _profile = profile;
        _random = new Random(seed);
        _logMean = Math.Log((double)profile.StartPrice);
        _logPrice = _logMean;
        _tickUnits = Math.Max(1, profile.TickUnits);
        _stepUnits = Math.Max(1, profile.StepUnits);
        _logMedianQuantity = Math.Log((double)profile.MedianQuantity);
        _lastPriceUnits = RoundToTick(profile.StartPrice);
    }

    /// <summary>Stable per-symbol seed: adding a symbol to the list does not change the others' walks.</summary>
    public static int SeedFor(int seed, string symbol)
    {
        var hash = 2166136261u;
        foreach (var c in symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)seed * 2654435761u) & int.MaxValue;
    }

    /// <summary>Exponential gap of a Poisson process with the given mean rate.</summary>
    public double NextGapSeconds(double tradesPerSecond) => -Math.Log(1 - _random.NextDouble()) / tradesPerSecond;

    /// <summary>Advances the walk to <paramref name="timeMs"/> (UTC epoch ms, fractional) and prints one trade there.</summary>
    /// <param name="quantityScale">
    /// Multiplies the typical size; the sparse history passes (its mean gap × the live rate) so that volume
    /// per hour looks the same in history and live, even though history has far fewer prints.
    /// </param>
    public SimTrade Next(long tradeId, double timeMs, double quantityScale = 1)
    {
        var dt = double.IsNaN(_lastTimeMs) ? 1e-3 : Math.Max((timeMs - _lastTimeMs) / 1000, 1e-4);
        _lastTimeMs = timeMs;
        _logPrice += -ReversionPerSecond * dt * (_logPrice - _logMean) + SigmaPerSqrtSecond * Math.Sqrt(dt) * NextGaussian();
        var price = Math.Max(_tickUnits, (long)Math.Round(Math.Exp(_logPrice) * FixedPoint.UnitsPerOne / _tickUnits) * _tickUnits);

        // A falling print is usually a seller hitting the bid (buyer is maker); unchanged prints go either way.
        var buyerIsMaker = price < _lastPriceUnits || (price == _lastPriceUnits && _random.Next(2) == 0);
        _lastPriceUnits = price;

        var quantity = quantityScale * Math.Exp(_logMedianQuantity + QuantitySigma * NextGaussian());
        var steps = Math.Max(1, (long)Math.Round(quantity * FixedPoint.UnitsPerOne / _stepUnits));
        return new SimTrade(tradeId, price, steps * _stepUnits, (long)Math.Floor(timeMs), buyerIsMaker);
    }

    private long RoundToTick(decimal price) => Math.Max(_tickUnits, FixedPoint.FromDecimal(price) / _tickUnits * _tickUnits);

    private double NextGaussian()
    {
        // Box–Muller; one of the pair is enough here.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
