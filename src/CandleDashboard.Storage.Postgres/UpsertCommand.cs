using CandleDashboard.Core.Market;
using CandleDashboard.Core.Storage;
using Npgsql;

namespace CandleDashboard.Storage.Postgres;

/// <summary>
/// Builds the batch upsert with typed array parameters (Npgsql sends them in binary: decimals stay
/// exact numerics, no text formatting or parsing of prices on either side).
/// </summary>
internal static class UpsertCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, NpgsqlTransaction transaction, SeriesKey series, ArraySegment<Candle> batch)
    {
        var n = batch.Count;
        var openTime = new long[n];
        var open = new decimal[n];
        var high = new decimal[n];
        var low = new decimal[n];
        var close = new decimal[n];
        var volume = new decimal[n];
        var quoteVolume = new decimal[n];
        var tradeCount = new long[n];
        var isClosed = new bool[n];
        var source = new string[n];
        for (var i = 0; i < n; i++)
        {
            var c = batch[i];
            openTime[i] = c.OpenTime;
            open[i] = c.Open;
            high[i] = c.High;
            low[i] = c.Low;
            close[i] = c.Close;
            volume[i] = c.Volume;
            quoteVolume[i] = c.QuoteVolume;
            tradeCount[i] = c.TradeCount;
            isClosed[i] = c.IsClosed;
            source[i] = SourceText.Of(c.Source);
        }

        var command = new NpgsqlCommand(CandleSql.Upsert, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("Exchange", series.Exchange),
                new NpgsqlParameter<string>("Symbol", series.Symbol),
                new NpgsqlParameter<string>("Interval", series.Interval.Code),
                new NpgsqlParameter<long[]>("OpenTime", openTime),
                new NpgsqlParameter<decimal[]>("Open", open),
                new NpgsqlParameter<decimal[]>("High", high),
                new NpgsqlParameter<decimal[]>("Low", low),
                new NpgsqlParameter<decimal[]>("Close", close),
                new NpgsqlParameter<decimal[]>("Volume", volume),
                new NpgsqlParameter<decimal[]>("QuoteVolume", quoteVolume),
                new NpgsqlParameter<long[]>("TradeCount", tradeCount),
                new NpgsqlParameter<bool[]>("IsClosed", isClosed),
                new NpgsqlParameter<string[]>("Source", source),
            },
        };
        return command;
    }
}
