using CandleDashboard.Core.Storage;

namespace CandleDashboard.Web.Hubs;

/// <summary>Official candles of a series were committed in [From, To] (open times, UTC epoch ms): re-read that range.</summary>
public sealed record DataUpdatedMessage(string Exchange, string Symbol, string Interval, long From, long To, int Count)
{
    public static DataUpdatedMessage Of(DataUpdated m) => new(m.Exchange, m.Symbol, m.Interval, m.From, m.To, m.Count);
}
