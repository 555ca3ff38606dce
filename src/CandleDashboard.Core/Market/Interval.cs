using System.Diagnostics.CodeAnalysis;

namespace CandleDashboard.Core.Market;

/// <summary>
/// A candle interval, written as the exchange writes it (<c>15s</c>, <c>1m</c>, <c>4h</c>, <c>1d</c>).
/// Only fixed-length intervals are supported: every bucket starts at a multiple of the length
/// since the Unix epoch, so 1d starts 00:00 UTC. (Weeks and months are not fixed-length on
/// exchanges and are deliberately absent.)
/// </summary>
public readonly record struct Interval
{
    private Interval(string code, long milliseconds)
    {
        Code = code;
        Milliseconds = milliseconds;
    }

    /// <summary>The exchange spelling, e.g. <c>1m</c>.</summary>
    public string Code { get; }

    /// <summary>Length of one bucket in milliseconds.</summary>
    public long Milliseconds { get; }

    /// <summary>The exchange's finest kline; used to assemble 15s/30s history, not offered on charts by default.</summary>
    public static readonly Interval OneSecond = new("1s", 1_000);
    public static readonly Interval FifteenSeconds = new("15s", 15_000);
    public static readonly Interval ThirtySeconds = new("30s", 30_000);
    public static readonly Interval OneMinute = new("1m", 60_000);
    public static readonly Interval ThreeMinutes = new("3m", 180_000);
    public static readonly Interval FiveMinutes = new("5m", 300_000);
    public static readonly Interval FifteenMinutes = new("15m", 900_000);
    public static readonly Interval ThirtyMinutes = new("30m", 1_800_000);
    public static readonly Interval OneHour = new("1h", 3_600_000);
    public static readonly Interval TwoHours = new("2h", 7_200_000);
    public static readonly Interval FourHours = new("4h", 14_400_000);
    public static readonly Interval SixHours = new("6h", 21_600_000);
    public static readonly Interval EightHours = new("8h", 28_800_000);
    public static readonly Interval TwelveHours = new("12h", 43_200_000);
    public static readonly Interval OneDay = new("1d", 86_400_000);

    /// <summary>Every supported interval, shortest first.</summary>
    public static IReadOnlyList<Interval> All { get; } =
    [
        OneSecond, FifteenSeconds, ThirtySeconds, OneMinute, ThreeMinutes, FiveMinutes, FifteenMinutes,
        ThirtyMinutes, OneHour, TwoHours, FourHours, SixHours, EightHours, TwelveHours, OneDay,
    ];

    /// <summary>The intervals a chart offers by default.</summary>
    public static IReadOnlyList<Interval> Defaults { get; } =
    [
        FifteenSeconds, ThirtySeconds, OneMinute, FiveMinutes, FifteenMinutes, OneHour, FourHours, OneDay,
    ];

    /// <summary>Parses the exchange spelling; case-sensitive because <c>1m</c> (minute) and <c>1M</c> (month) differ on exchanges.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out Interval interval)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code, code, StringComparison.Ordinal))
            {
                interval = candidate;
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>
    /// Parses what a person types: the exact spelling, or a wrong-case hour, day or second
    /// (<c>1H</c> → <c>1h</c>), which cannot be misread. Upper-case <c>M</c> stays unknown: it means
    /// month on exchanges, never minute.
    /// </summary>
    public static bool TryParseLenient([NotNullWhen(true)] string? text, out Interval interval)
    {
        var trimmed = text?.Trim();
        if (TryParse(trimmed, out interval))
        {
            return true;
        }

        return trimmed is { Length: > 0 } && !trimmed.EndsWith('M') && TryParse(trimmed.ToLowerInvariant(), out interval);
    }

    /// <exception cref="FormatException">The text is not a supported interval; the message lists the supported ones.</exception>
    public static Interval Parse(string? code) =>
        TryParse(code, out var interval)
            ? interval
            : throw new FormatException(
                $"Unknown interval '{code}'. Supported intervals: {string.Join(", ", All.Select(i => i.Code))}.");

    /// <summary>Start of the bucket that contains <paramref name="time"/> (UTC epoch ms), floored also for times before 1970.</summary>
    public long Floor(long time)
    {
        var rem = time % Milliseconds;
        return rem >= 0 ? time - rem : time - rem - Milliseconds;
    }

    public override string ToString() => Code ?? "";
}
