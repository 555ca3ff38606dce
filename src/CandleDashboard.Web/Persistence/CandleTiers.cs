using CandleDashboard.Core.Storage;

namespace CandleDashboard.Web.Persistence;

/// <summary>
/// The configured official-candle stores in their two orders: reads go fastest first (Redis,
/// PostgreSQL), commits go durable first (PostgreSQL, Redis). With neither configured, one
/// in-memory store plays both parts.
/// </summary>
public sealed record CandleTiers(IReadOnlyList<ICandleStore> ReadOrder, IReadOnlyList<ICandleStore> CommitOrder)
{
    public string Describe() => string.Join(" → ", ReadOrder.Select(s => s.Name));
}
