using CandleDashboard.Exchange.Kraken.Pairs;

namespace CandleDashboard.Exchange.Kraken.Tests.Infrastructure;

/// <summary>A pair map without a REST round trip, for feed tests.</summary>
public sealed class FixedPairSource(KrakenPairMap map) : IKrakenPairSource
{
    public Task<KrakenPairMap> GetPairMapAsync(CancellationToken cancellationToken) => Task.FromResult(map);
}
