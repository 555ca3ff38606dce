namespace CandleDashboard.Exchange.Kraken.Pairs;

/// <summary>Where the feed and the REST calls get the pair-name map (the REST client's cached AssetPairs).</summary>
public interface IKrakenPairSource
{
    /// <exception cref="Core.Exchange.ExchangeException">AssetPairs could not be read.</exception>
    Task<KrakenPairMap> GetPairMapAsync(CancellationToken cancellationToken);
}
