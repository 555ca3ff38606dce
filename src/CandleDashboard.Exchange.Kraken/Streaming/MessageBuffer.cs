using System.Buffers;

namespace CandleDashboard.Exchange.Kraken.Streaming;

/// <summary>
/// One pooled receive buffer per feed, reused for every message; a message arriving in several
/// receives is appended until its end. Past the limit the message's bytes are dropped (but its end
/// is still looked for), which protects memory from a runaway message.
/// </summary>
internal sealed class MessageBuffer(int maxMessageBytes) : IDisposable
{
    private const int MinFreeForReceive = 4 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _count;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _count);

    public bool Overflowed { get; private set; }

    public Memory<byte> GetFreeMemory()
    {
        if (_buffer.Length - _count < MinFreeForReceive)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsMemory(_count);
    }

    public void Advance(int count)
    {
        _count += count;
        if (_count > maxMessageBytes)
        {
            Overflowed = true;
            _count = 0;
        }
    }

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
