using CandleDashboard.Core.Storage;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// The configured official-candle stores in their two orders: reads go fastest first (Redis,
/// PostgreSQL), commits go durable first (PostgreSQL, Redis). With neither configured, one
/// in-memory store plays both parts.
/// </summary>
/// <param name="Exchange">Lower-case exchange name that series keys carry ("simulator" or "binance").</param>
public sealed record CandleTiers(string Exchange, IReadOnlyList<ICandleStore> ReadOrder, IReadOnlyList<ICandleStore> CommitOrder)
{
    public string Describe() => string.Join(" → ", ReadOrder.Select(s => s.Name));
}
