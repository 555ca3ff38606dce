using CandleDashboard.Core.Market;

namespace CandleDashboard.Storage.Postgres;

/// <summary>How <see cref="CandleSource"/> is spelled in the candles.source column (see the CHECK constraint).</summary>
internal static class SourceText
{
    public const string Official = "official";
    public const string Live = "live";
    public const string OfficialFromTrades = "official-trades";

    public static string Of(CandleSource source) => source switch
    {
        CandleSource.Official => Official,
        CandleSource.Live => Live,
        CandleSource.OfficialFromTrades => OfficialFromTrades,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown candle source."),
    };

    public static CandleSource Parse(string text) => text switch
    {
        Official => CandleSource.Official,
        Live => CandleSource.Live,
        OfficialFromTrades => CandleSource.OfficialFromTrades,
        _ => throw new FormatException($"Unknown candle source '{text}' in the candles table."),
    };
}
