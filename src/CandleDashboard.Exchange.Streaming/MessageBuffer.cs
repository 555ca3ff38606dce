using System.Buffers;

namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// One pooled receive buffer per feed, reused for every message. A message that arrives in several
/// receives (a large frame, or continuation frames) is appended until its end; the buffer doubles
/// when little room is left, while the message stays under the limit.
/// </summary>
/// <remarks>
/// A runaway message (past the limit) is dropped, not fatal: its bytes are discarded while the
/// receive loop reads on to the message's end, <see cref="Overflowed"/> tells the feed to count it
/// as malformed, and the connection is kept. Failing the connection instead would turn one
/// oversized message the exchange keeps sending (a resubscribe snapshot, a broken proxy) into a
/// reconnect loop that delivers nothing; dropping it loses that one message and nothing else.
/// (The two adapters' copies agreed on this; only the Binance one's summary read as if it grew
/// without dropping.)
/// </remarks>
public sealed class MessageBuffer : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private const int MinFreeForReceive = 4 * 1024;

    private readonly int _maxMessageBytes;
    private byte[] _buffer;
    private int _count;

    public MessageBuffer(int maxMessageBytes)
    {
        _maxMessageBytes = maxMessageBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>Bytes of the message so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _count);

    /// <summary>True once the current message passed the limit; its bytes are being discarded.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Where the next receive writes. Grows the buffer if little room is left.</summary>
    public Memory<byte> GetFreeMemory()
    {
        if (_buffer.Length - _count < MinFreeForReceive)
        {
            // Advance keeps _count within the limit, so the buffer stays below about twice the limit.
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsMemory(_count);
    }

    /// <summary>Takes <paramref name="count"/> received bytes into the message.</summary>
    public void Advance(int count)
    {
        _count += count;
        if (_count > _maxMessageBytes)
        {
            // Keep receiving to find the message's end, but drop what we have (see remarks).
            Overflowed = true;
            _count = 0;
        }
    }

    /// <summary>Starts the next message.</summary>
    public void Reset()
    {
        _count = 0;
        Overflowed = false;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
