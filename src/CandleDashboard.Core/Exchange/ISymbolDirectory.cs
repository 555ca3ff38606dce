namespace CandleDashboard.Core.Exchange;

/// <summary>What the exchange lists: every symbol with its trading status, tick size and lot size.</summary>
public interface ISymbolDirectory
{
    /// <summary>
    /// The exchange's symbols, read from the exchange and reused for a while (the list changes
    /// rarely and the request is expensive).
    /// </summary>
    /// <exception cref="ExchangeException">The list could not be read (see the subclasses).</exception>
    Task<IReadOnlyList<SymbolInfo>> GetSymbolsAsync(CancellationToken cancellationToken);
}
