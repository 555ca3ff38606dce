namespace CandleDashboard.Web.Chart;

/// <summary>What an adopted first-paint plot holds (from the browser: checked before use): its candle count and first and newest open times.</summary>
public sealed record FirstPaintDrawn(int Count, long FirstOpenTime, long LastOpenTime);
