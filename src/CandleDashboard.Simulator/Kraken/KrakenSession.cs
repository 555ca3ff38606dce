using System.Net.WebSockets;
using System.Text.Json;
using CandleDashboard.Simulator.Streaming;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// One WebSocket v2 client: greeted with the <c>status</c> message, then answers <c>subscribe</c> /
/// <c>unsubscribe</c> to the <c>trade</c> channel (one ack per symbol, success or error) and <c>ping</c>.
/// Only the public trade channel is simulated; other channels are refused with an error.
/// </summary>
internal sealed class KrakenSession(WebSocket socket, KrakenHub hub, KrakenPairs pairs, TimeProvider timeProvider, int maxPendingFrames)
    : WebSocketSession(socket, maxPendingFrames)
{
    private readonly HashSet<KrakenPair> _subscribed = [];

    public int SubscriptionCount
    {
        get
        {
            lock (_subscribed)
            {
                return _subscribed.Count;
            }
        }
    }

    public Task RunAsync(TimeSpan maxLifetime, CancellationToken stopping) => RunSessionAsync(maxLifetime, timeProvider, stopping);

    protected override void OnOpened() => Enqueue(KrakenFrames.Status(hub.Register(this)));

    protected override void OnClosed() => hub.Unregister(this);

    protected override byte[]? Handle(ReadOnlySpan<byte> request)
    {
        var timeIn = timeProvider.GetUtcNow();
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(request);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return KrakenFrames.Error("Malformed request", null, null, timeIn, Now(), default);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                return KrakenFrames.Error("Malformed request", null, null, timeIn, Now(), default);
            }

            root.TryGetProperty("req_id", out var reqId);
            var method = methodElement.GetString()!;
            switch (method)
            {
                case "ping":
                    return KrakenFrames.Pong(timeIn, Now(), reqId);
                case "subscribe" or "unsubscribe":
                    ChangeSubscriptions(method, root, reqId, timeIn);
                    return null;
                default:
                    return KrakenFrames.Error("Method not found", method, null, timeIn, Now(), reqId);
            }
        }
    }

    private void ChangeSubscriptions(string method, JsonElement root, JsonElement reqId, DateTimeOffset timeIn)
    {
        if (!root.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.String
            || !parameters.TryGetProperty("symbol", out var symbols) || symbols.ValueKind != JsonValueKind.Array
            || symbols.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            Enqueue(KrakenFrames.Error("Malformed request", method, null, timeIn, Now(), reqId));
            return;
        }

        if (channel.GetString() != "trade")
        {
            Enqueue(KrakenFrames.Error($"Channel not supported by the simulator: {channel.GetString()}", method, null, timeIn, Now(), reqId));
            return;
        }

        var snapshot = true;
        if (parameters.TryGetProperty("snapshot", out var snapshotElement))
        {
            if (snapshotElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Enqueue(KrakenFrames.Error("Malformed request", method, null, timeIn, Now(), reqId));
                return;
            }

            snapshot = snapshotElement.GetBoolean();
        }

        foreach (var symbol in symbols.EnumerateArray().Select(s => s.GetString()!))
        {
            if (!pairs.TryWebSocket(symbol, out var pair))
            {
                Enqueue(KrakenFrames.Error($"Currency pair not supported {symbol}", method, symbol, timeIn, Now(), reqId));
                continue;
            }

            bool changed;
            lock (_subscribed)
            {
                changed = method == "subscribe" ? _subscribed.Add(pair) : _subscribed.Remove(pair);
            }

            if (!changed)
            {
                Enqueue(KrakenFrames.Error(method == "subscribe" ? "Already subscribed" : "Subscription Not Found", method, symbol, timeIn, Now(), reqId));
            }
            else if (method == "subscribe")
            {
                hub.Subscribe(this, pair, KrakenFrames.Ack(method, symbol, snapshot, timeIn, Now(), reqId), snapshot);
            }
            else
            {
                hub.Unsubscribe(this, pair);
                Enqueue(KrakenFrames.Ack(method, symbol, null, timeIn, Now(), reqId));
            }
        }
    }

    private DateTimeOffset Now() => timeProvider.GetUtcNow();
}
