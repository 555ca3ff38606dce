using System.Collections.Concurrent;
using CandleDashboard.Simulator.Market;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Routes each trade to the connections subscribed to its symbol's streams. Every event is encoded once
/// per stream (plus once more in the combined envelope if any combined client listens) and the same bytes
/// are queued to every subscriber.
/// </summary>
internal sealed class StreamHub
{
    private readonly ConcurrentDictionary<StreamName, StreamTopic> _topics = new();
    private readonly ConcurrentDictionary<ClientConnection, byte> _connections = new();

    public int ConnectionCount => _connections.Count;

    public ICollection<ClientConnection> Connections => _connections.Keys;

    public void Register(ClientConnection connection) => _connections.TryAdd(connection, 0);

    public void Unregister(ClientConnection connection)
    {
        _connections.TryRemove(connection, out _);
        foreach (var topic in _topics.Values)
        {
            topic.Remove(connection);
        }
    }

    public void Subscribe(ClientConnection connection, StreamName stream) =>
        _topics.GetOrAdd(stream, s => new StreamTopic(s)).Add(connection);

    public void Unsubscribe(ClientConnection connection, StreamName stream)
    {
        if (_topics.TryGetValue(stream, out var topic))
        {
            topic.Remove(connection);
        }
    }

    /// <summary>Kline streams somebody listens to right now.</summary>
    public IEnumerable<StreamTopic> ActiveKlineTopics() =>
        _topics.Values.Where(t => t.Name.Kind == StreamKind.Kline && t.Subscribers.Length > 0);

    /// <summary>Queues one already encoded event to a topic's subscribers (wrapped for combined clients).</summary>
    public static void Publish(StreamTopic topic, byte[] raw)
    {
        byte[]? combined = null;
        foreach (var connection in topic.Subscribers)
        {
            connection.Enqueue(connection.IsCombined ? combined ??= TradeFrameEncoder.Combined(topic.CombinedPrefix, raw) : raw);
        }
    }

    /// <summary>Queues the trade's events to their subscribers; returns how many frames were queued.</summary>
    public int Broadcast(string symbol, in SimTrade trade, long eventTime)
    {
        var queued = 0;
        if (_topics.TryGetValue(new StreamName(symbol, StreamKind.Trade), out var tradeTopic))
        {
            queued += Send(tradeTopic, TradeFrameEncoder.Trade, symbol, trade, eventTime);
        }

        if (_topics.TryGetValue(new StreamName(symbol, StreamKind.AggTrade), out var aggTopic))
        {
            queued += Send(aggTopic, TradeFrameEncoder.AggTrade, symbol, trade, eventTime);
        }

        return queued;
    }

    private delegate byte[] Encoder(string symbol, in SimTrade trade, long eventTime);

    private static int Send(StreamTopic topic, Encoder encode, string symbol, in SimTrade trade, long eventTime)
    {
        var subscribers = topic.Subscribers;
        if (subscribers.Length == 0)
        {
            return 0;
        }

        Publish(topic, encode(symbol, trade, eventTime));
        return subscribers.Length;
    }
}
