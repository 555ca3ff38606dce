namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class MessageBufferTests
{
    [Fact]
    public void A_message_in_several_receives_is_assembled_in_order()
    {
        using var buffer = new MessageBuffer(maxMessageBytes: 1 << 20);

        Receive(buffer, "{\"a\":"u8);
        Receive(buffer, "1}"u8);

        Assert.False(buffer.Overflowed);
        Assert.Equal("{\"a\":1}"u8.ToArray(), buffer.Written.ToArray());
    }

    [Fact]
    public void The_buffer_grows_for_a_large_message_under_the_limit()
    {
        using var buffer = new MessageBuffer(maxMessageBytes: 1 << 20);
        var chunk = new byte[10_000];

        // 100,000 bytes: far past the 16 KiB the buffer starts with.
        for (var i = 0; i < 10; i++)
        {
            Array.Fill(chunk, (byte)('0' + i));
            Receive(buffer, chunk);
        }

        Assert.False(buffer.Overflowed);
        Assert.Equal(100_000, buffer.Written.Length);
        Assert.Equal((byte)'0', buffer.Written[0]);
        Assert.Equal((byte)'9', buffer.Written[^1]);
    }

    [Fact]
    public void A_runaway_message_is_dropped_and_the_next_one_is_read_whole()
    {
        using var buffer = new MessageBuffer(maxMessageBytes: 4096);
        var chunk = new byte[3000];

        Receive(buffer, chunk);
        Assert.False(buffer.Overflowed);
        Receive(buffer, chunk); // 6000 > 4096: the message so far is dropped
        Assert.True(buffer.Overflowed);
        Assert.Equal(0, buffer.Written.Length);
        Receive(buffer, chunk); // still the same message: stays dropped
        Assert.True(buffer.Overflowed);

        buffer.Reset();
        Receive(buffer, "ok"u8);

        Assert.False(buffer.Overflowed);
        Assert.Equal("ok"u8.ToArray(), buffer.Written.ToArray());
    }

    [Fact]
    public void A_message_exactly_at_the_limit_is_kept()
    {
        using var buffer = new MessageBuffer(maxMessageBytes: 4096);

        Receive(buffer, new byte[4096]);

        Assert.False(buffer.Overflowed);
        Assert.Equal(4096, buffer.Written.Length);
    }

    /// <summary>What a WebSocket receive does: write into the free memory, then advance by the count.</summary>
    private static void Receive(MessageBuffer buffer, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var free = buffer.GetFreeMemory().Span;
            var n = Math.Min(free.Length, bytes.Length);
            bytes[..n].CopyTo(free);
            buffer.Advance(n);
            bytes = bytes[n..];
        }
    }
}
