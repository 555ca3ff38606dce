using System.Text;
using CandleDashboard.Exchange.Kraken.Pairs;

namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// The pairs one feed follows, each with a dense index, looked up by the WebSocket name a message
/// carries ("BTC/USD") without decoding it to a string, so a trade costs no allocation. The index
/// lets the feed keep per-pair state (last trade id) in plain arrays.
/// </summary>
public sealed class KrakenSubscription
{
    private const int MaxNameLength = 32;

    private readonly KrakenPair[] _pairs;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byWebSocketName;

    public KrakenSubscription(IEnumerable<KrakenPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<KrakenPair>();
        foreach (var pair in pairs)
        {
            if (map.TryAdd(pair.WebSocketName, list.Count))
            {
                list.Add(pair);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("At least one pair is required.", nameof(pairs));
        }

        _pairs = [.. list];
        _byWebSocketName = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _pairs.Length;

    public IReadOnlyList<KrakenPair> Pairs => _pairs;

    /// <summary>Finds a subscribed pair by its UTF-8 WebSocket name as it appears in a message.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8Name, out KrakenPair pair, out int index)
    {
        pair = null!;
        index = -1;
        if (utf8Name.Length == 0 || utf8Name.Length > MaxNameLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxNameLength];
        if (!Ascii.ToUtf16(utf8Name, chars, out var written).Equals(System.Buffers.OperationStatus.Done)
            || !_byWebSocketName.TryGetValue(chars[..written], out index))
        {
            index = -1;
            return false;
        }

        pair = _pairs[index];
        return true;
    }
}
