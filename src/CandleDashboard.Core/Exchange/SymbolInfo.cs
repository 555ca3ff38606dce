namespace CandleDashboard.Core.Exchange;

/// <summary>One symbol as the exchange lists it.</summary>
/// <param name="Symbol">Upper-case symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="Status">Whether it trades now.</param>
/// <param name="TickSize">Smallest price step (e.g. 0.01); prices are multiples of it.</param>
/// <param name="LotSize">Smallest quantity step (e.g. 0.00001).</param>
public sealed record SymbolInfo(string Symbol, SymbolStatus Status, decimal TickSize, decimal LotSize)
{
    /// <summary>Decimals a price of this symbol needs: those of the tick size (0.01 → 2, 1 → 0).</summary>
    public int PriceDecimals => DecimalsOf(TickSize);

    /// <summary>Decimals a quantity of this symbol needs: those of the lot size.</summary>
    public int QuantityDecimals => DecimalsOf(LotSize);

    private static int DecimalsOf(decimal step)
    {
        if (step <= 0m)
        {
            return 0;
        }

        // The scale of the normalized step: 0.01000000 → 0.01 → 2.
        var normalized = step / 1.000000000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
