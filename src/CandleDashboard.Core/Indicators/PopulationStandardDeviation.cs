namespace CandleDashboard.Core.Indicators;

/// <summary>
/// The population standard deviation of a window from its running sums, exactly: decimal has no
/// square root, and a floating-point one would make Bollinger's bands depend on the machine's last
/// bit. So the result is defined as √variance <b>truncated to <see cref="Decimals"/> decimal places</b>
/// (a unique number any correct implementation reproduces), computed with 128-bit integers.
/// </summary>
/// <remarks>
/// With S = Σx and Q = Σx² over N values, N²·variance = N·Q − S² is exact in decimal (inside the
/// engine's domain), so σ = isqrt(⌊(N·Q − S²) · 10^(2d) / N²⌋) / 10^d with d = 12. A σ of 10^7 or more
/// (a variance whose scaled value would not fit 128 bits) drops one decimal at a time until it fits;
/// no real price series comes near. Cost: a few 128-bit multiplications and divisions, no allocation.
/// </remarks>
internal static class PopulationStandardDeviation
{
    /// <summary>Decimal places of σ: 12, four or more below any exchange's tick size.</summary>
    public const int Decimals = 12;

    private static readonly UInt128[] PowersOfTen = CreatePowersOfTen();

    public static decimal FromSums(decimal sum, decimal sumOfSquares, int count)
    {
        var scaledVariance = (count * sumOfSquares) - (sum * sum);
        if (scaledVariance <= 0m)
        {
            return 0m;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(scaledVariance, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var divisor = (UInt128)(ulong)count * (ulong)count;
        for (var decimals = Decimals; ; decimals--)
        {
            if (TryScaledQuotient(mantissa, scale, 2 * decimals, divisor, out var radicand))
            {
                var root = IntegerSquareRoot(radicand);
                return new decimal((int)(uint)root, (int)(uint)(root >> 32), 0, false, (byte)decimals);
            }
        }
    }

    /// <summary>⌊mantissa · 10^(exponent − scale) / divisor⌋ when it fits 128 bits.</summary>
    private static bool TryScaledQuotient(UInt128 mantissa, int scale, int exponent, UInt128 divisor, out UInt128 quotient)
    {
        if (exponent < scale)
        {
            // ⌊⌊m / 10^k⌋ / d⌋ = ⌊m / (10^k · d)⌋; 10^28 · (10^3)² fits.
            quotient = mantissa / (PowersOfTen[scale - exponent] * divisor);
            return true;
        }

        // m = a·d + r, so m·10^p / d = a·10^p + r·10^p / d, with r·10^p < 10^6 · 10^24: no overflow there.
        var power = PowersOfTen[exponent - scale];
        var whole = mantissa / divisor;
        var remainder = mantissa % divisor;
        if (whole > UInt128.MaxValue / power)
        {
            quotient = 0;
            return false;
        }

        var high = whole * power;
        var low = remainder * power / divisor;
        if (high > UInt128.MaxValue - low)
        {
            quotient = 0;
            return false;
        }

        quotient = high + low;
        return true;
    }

    /// <summary>⌊√y⌋: a double estimate, one Newton step in 128 bits, then settled to the exact floor.</summary>
    private static ulong IntegerSquareRoot(UInt128 y)
    {
        if (y == 0)
        {
            return 0;
        }

        var estimate = Math.Sqrt((double)y);
        var root = estimate >= 18446744073709551615d ? ulong.MaxValue : Math.Max(1UL, (ulong)estimate);
        var newton = ((UInt128)root + (y / root)) >> 1;
        root = newton > ulong.MaxValue ? ulong.MaxValue : (ulong)newton;
        while ((UInt128)root * root > y)
        {
            root--;
        }

        while (root < ulong.MaxValue && ((UInt128)root + 1) * ((UInt128)root + 1) <= y)
        {
            root++;
        }

        return root;
    }

    private static UInt128[] CreatePowersOfTen()
    {
        var powers = new UInt128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
