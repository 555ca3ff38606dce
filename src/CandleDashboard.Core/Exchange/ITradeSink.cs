using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Exchange;

/// <summary>
/// Receives trades from an exchange adapter. Called on the adapter's receive loop, one trade at
/// a time and in exchange order per symbol; implementations must be fast and must not block.
/// </summary>
public interface ITradeSink
{
    void OnTrade(in Trade trade);
}
