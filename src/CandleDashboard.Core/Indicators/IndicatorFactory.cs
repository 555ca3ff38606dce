namespace CandleDashboard.Core.Indicators;

/// <summary>Creates the calculator for an <see cref="IndicatorSpec"/>.</summary>
public static class IndicatorFactory
{
    /// <param name="spec">The indicator and its parameters (already validated by <see cref="IndicatorSpec"/>).</param>
    /// <param name="rewindDepth">How many of its latest updates the calculator can undo (<see cref="Indicator.Rewind"/>); 0 for none.</param>
    public static Indicator Create(IndicatorSpec spec, int rewindDepth = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind.Name switch
        {
            "sma" or "volume_sma" => new SimpleMovingAverage(spec, rewindDepth),
            "ema" => new ExponentialMovingAverage(spec, rewindDepth),
            "wma" => new WeightedMovingAverage(spec, rewindDepth),
            "vwap" or "avwap" => new VolumeWeightedAveragePrice(spec, rewindDepth),
            "bollinger" => new BollingerBands(spec, rewindDepth),
            "rsi" => new RelativeStrengthIndex(spec, rewindDepth),
            "macd" => new MovingAverageConvergenceDivergence(spec, rewindDepth),
            "atr" => new AverageTrueRange(spec, rewindDepth),
            _ => throw new ArgumentException($"No calculator for indicator '{spec.Kind.Name}'.", nameof(spec)),
        };
    }
}
