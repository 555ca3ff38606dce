using System.Text;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>
/// The subscribed symbols, each held as one shared string with a dense index. Messages name their
/// symbol in UTF-8; looking it up here instead of decoding it keeps the trade path free of string
/// allocations, and the index lets the feed keep per-symbol state in plain arrays.
/// </summary>
public sealed class SymbolTable
{
    /// <summary>Longest symbol <see cref="CandleDashboard.Core.Market.Symbols.IsValid"/> accepts.</summary>
    private const int MaxSymbolLength = 20;

    private readonly string[] _symbols;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <exception cref="ArgumentException">A symbol is not a valid exchange symbol after upper-casing.</exception>
    public SymbolTable(IEnumerable<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var text in symbols)
        {
            if (!CandleDashboard.Core.Market.Symbols.TryNormalize(text, out var symbol))
            {
                throw new ArgumentException($"'{text}' is not a valid symbol.", nameof(symbols));
            }

            if (map.TryAdd(symbol, list.Count))
            {
                list.Add(symbol);
            }
        }

        _symbols = [.. list];
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _symbols.Length;

    /// <summary>Symbols in subscription order (upper case, de-duplicated).</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>Finds the shared string for a UTF-8 symbol as it appears in a message (any case).</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string symbol, out int index)
    {
        symbol = "";
        index = -1;
        if (utf8.Length == 0 || utf8.Length > MaxSymbolLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxSymbolLength];
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x80)
            {
                return false; // symbols are ASCII; anything else cannot match
            }

            chars[i] = (char)(b is >= (byte)'a' and <= (byte)'z' ? b - 32 : b);
        }

        if (!_lookup.TryGetValue(chars[..utf8.Length], out index))
        {
            index = -1;
            return false;
        }

        symbol = _symbols[index];
        return true;
    }

}
