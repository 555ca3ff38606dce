using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Storage.Postgres.Tests.Infrastructure;

/// <summary>Test candles with distinct, easily checked values.</summary>
public static class Candles
{
    /// <summary>2026-01-01T00:00:00Z, a bucket start of every interval.</summary>
    public const long Start = 1_767_225_600_000;

    public static readonly SeriesKey BtcMinute = new("binance", "BTCUSDT", Interval.OneMinute);

    public static Candle At(long openTime, decimal close = 100m, long tradeCount = 10) =>
        new(openTime, close - 1m, close + 2m, close - 3m, close, 1.5m, close * 1.5m, tradeCount, IsClosed: true, CandleSource.Official);

    /// <summary><paramref name="count"/> consecutive candles of <paramref name="interval"/> from <paramref name="from"/>, closes 100, 101, …</summary>
    public static Candle[] Sequence(int count, Interval interval, long from = Start, decimal firstClose = 100m) =>
        Enumerable.Range(0, count).Select(i => At(from + (i * interval.Milliseconds), firstClose + i, i)).ToArray();
}
