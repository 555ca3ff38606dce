namespace CandleDashboard.Core.Exchange;

/// <summary>The exchange's own clock, as its API reports it (Binance: <c>GET /api/v3/time</c>).</summary>
public interface IServerTime
{
    Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken);
}
