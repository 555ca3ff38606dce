using System.Buffers.Text;
using System.Text.Json;
using CandleDashboard.Core.Market;
using CandleDashboard.Exchange.Kraken.Streaming;

namespace CandleDashboard.Exchange.Kraken.Parsing;

/// <summary>
/// Parses Kraken WebSocket v2 messages straight from the receive buffer with
/// <see cref="Utf8JsonReader"/>: channel messages (<c>{"channel":"trade","type":"update","data":[…]}</c>,
/// heartbeat, status) and method replies (subscribe/unsubscribe acks, pong, errors). Prices and
/// quantities arrive as JSON numbers and are read as decimals from the token's text
/// (<see cref="Utf8JsonReader.TryGetDecimal(out decimal)"/>), never through a double, so
/// 0.000000012345678901 stays exactly that. Stateless apart from the subscription table.
/// </summary>
public sealed class KrakenMessageParser
{
    internal const string NotAnObject = "message is not a JSON object";
    internal const string InvalidJson = "invalid JSON";
    internal const string OtherChannel = "channel not handled";
    internal const string OtherMethod = "method not handled";
    internal const string NoChannel = "neither channel nor method";
    internal const string NoData = "trade message without a data array";
    internal const string NotSubscribed = "trades of pairs not subscribed";
    internal const string BadTrade = "trade lacks symbol, id, price, quantity or time, or has a non-positive value";

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    private readonly KrakenSubscription _subscription;

    public KrakenMessageParser(KrakenSubscription subscription)
    {
        _subscription = subscription ?? throw new ArgumentNullException(nameof(subscription));
    }

    /// <summary>Parses one complete text message (UTF-8) into <paramref name="into"/> (reset first).</summary>
    public void Parse(ReadOnlySpan<byte> message, KrakenMessage into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        try
        {
            ParseCore(message, into);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 (GetString refuses it). Either
            // way one bad message is counted and skipped; it must not cost the connection.
            into.Reset();
            into.Kind = KrakenMessageKind.Malformed;
            into.Detail = InvalidJson;
        }
    }

    private void ParseCore(ReadOnlySpan<byte> message, KrakenMessage into)
    {
        // Pass 1: the envelope (which channel or method), skipping "data", whose meaning depends on it.
        var reader = new Utf8JsonReader(message, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            into.Kind = KrakenMessageKind.Malformed;
            into.Detail = NotAnObject;
            return;
        }

        var head = new Head();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadHeadField(ref reader, ref head, into);
        }

        // Anything after the closing brace makes the reader throw: reported as invalid JSON.
        while (reader.Read())
        {
        }

        if (head.Channel != Channel.None)
        {
            Classify(message, head, into);
        }
        else if (head.Method != Method.None)
        {
            into.Kind = head.Method switch
            {
                Method.Subscribe => KrakenMessageKind.SubscribeAck,
                Method.Unsubscribe => KrakenMessageKind.UnsubscribeAck,
                Method.Pong => KrakenMessageKind.Pong,
                Method.Error => KrakenMessageKind.Error,
                _ => KrakenMessageKind.Skipped,
            };
            into.Success = head.Success && head.Method != Method.Error;
            if (into.Kind == KrakenMessageKind.Skipped)
            {
                into.Detail = OtherMethod;
            }
        }
        else if (into.Detail is not null)
        {
            // An "error" with no method: still the server telling us something went wrong.
            into.Kind = KrakenMessageKind.Error;
        }
        else
        {
            into.Kind = KrakenMessageKind.Skipped;
            into.Detail = NoChannel;
        }
    }

    private void Classify(ReadOnlySpan<byte> message, Head head, KrakenMessage into)
    {
        switch (head.Channel)
        {
            case Channel.Heartbeat:
                into.Kind = KrakenMessageKind.Heartbeat;
                return;
            case Channel.Status:
                into.Kind = KrakenMessageKind.Status;
                ReadData(message, into, status: true);
                return;
            case Channel.Trade when head.HasData:
                into.Kind = KrakenMessageKind.Trades;
                into.IsSnapshot = head.IsSnapshot;
                ReadData(message, into, status: false);
                if (into.IsSnapshot)
                {
                    into.SortTradesById();
                }

                if (into.Trades.Count == 0)
                {
                    // Nothing usable: every trade was broken (malformed), or of pairs we did not subscribe (skipped).
                    into.Kind = into.BadTrades > 0 ? KrakenMessageKind.Malformed : KrakenMessageKind.Skipped;
                    into.Detail = into.BadTrades > 0 ? BadTrade : NotSubscribed;
                }

                return;
            case Channel.Trade:
                into.Kind = KrakenMessageKind.Malformed;
                into.Detail = NoData;
                return;
            default:
                into.Kind = KrakenMessageKind.Skipped;
                into.Detail = OtherChannel;
                return;
        }
    }

    private static void ReadHeadField(ref Utf8JsonReader reader, ref Head head, KrakenMessage into)
    {
        if (reader.ValueTextEquals("channel"u8))
        {
            reader.Read();
            head.Channel = reader.TokenType != JsonTokenType.String ? Channel.Other
                : reader.ValueTextEquals("trade"u8) ? Channel.Trade
                : reader.ValueTextEquals("heartbeat"u8) ? Channel.Heartbeat
                : reader.ValueTextEquals("status"u8) ? Channel.Status
                : Channel.Other;
        }
        else if (reader.ValueTextEquals("method"u8))
        {
            reader.Read();
            head.Method = reader.TokenType != JsonTokenType.String ? Method.Other
                : reader.ValueTextEquals("subscribe"u8) ? Method.Subscribe
                : reader.ValueTextEquals("unsubscribe"u8) ? Method.Unsubscribe
                : reader.ValueTextEquals("pong"u8) ? Method.Pong
                : reader.ValueTextEquals("error"u8) ? Method.Error
                : Method.Other;
        }
        else if (reader.ValueTextEquals("type"u8))
        {
            reader.Read();
            head.IsSnapshot = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("snapshot"u8);
        }
        else if (reader.ValueTextEquals("success"u8))
        {
            reader.Read();
            head.Success = reader.TokenType == JsonTokenType.True;
        }
        else if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            into.Detail = reader.TokenType == JsonTokenType.String ? reader.GetString() : "error";
            reader.Skip();
        }
        else if (reader.ValueTextEquals("symbol"u8))
        {
            // A failed subscribe names the pair at the top level.
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                into.Symbol = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        else if (reader.ValueTextEquals("result"u8))
        {
            // A successful subscribe echoes the pair inside "result".
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSymbol = reader.ValueTextEquals("symbol"u8);
                    reader.Read();
                    if (isSymbol && reader.TokenType == JsonTokenType.String)
                    {
                        into.Symbol = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
        else if (reader.ValueTextEquals("data"u8))
        {
            reader.Read();
            head.HasData = reader.TokenType == JsonTokenType.StartArray;
            reader.Skip();
        }
        else
        {
            reader.Read();
            reader.Skip(); // req_id, time_in, time_out, warnings, …
        }
    }

    /// <summary>Pass 2: the "data" array of a trade or status message.</summary>
    private void ReadData(ReadOnlySpan<byte> message, KrakenMessage into, bool status)
    {
        var reader = new Utf8JsonReader(message, ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    into.BadTrades += status ? 0 : 1;
                    continue;
                }

                if (status)
                {
                    ReadStatus(ref reader, into);
                }
                else
                {
                    ReadTrade(ref reader, into);
                }
            }

            return;
        }
    }

    private static void ReadStatus(ref Utf8JsonReader reader, KrakenMessage into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSystem = reader.ValueTextEquals("system"u8);
            reader.Read();
            if (isSystem && reader.TokenType == JsonTokenType.String)
            {
                into.SystemStatus = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadTrade(ref Utf8JsonReader reader, KrakenMessage into)
    {
        var fields = new TradeFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("symbol"u8))
            {
                reader.Read();
                fields.Symbol = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? reader.ValueSpan : default;
            }
            else if (reader.ValueTextEquals("price"u8))
            {
                reader.Read();
                fields.HasPrice = TryReadDecimal(ref reader, out fields.Price);
            }
            else if (reader.ValueTextEquals("qty"u8))
            {
                reader.Read();
                fields.HasQuantity = TryReadDecimal(ref reader, out fields.Quantity);
            }
            else if (reader.ValueTextEquals("trade_id"u8))
            {
                reader.Read();
                fields.HasId = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out fields.TradeId);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                fields.HasTime = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out fields.Time);
            }
            else if (reader.ValueTextEquals("side"u8))
            {
                reader.Read();
                fields.TakerSold = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("sell"u8);
            }
            else
            {
                reader.Read();
                reader.Skip(); // ord_type, and anything Kraken adds
            }
        }

        if (fields.Symbol.IsEmpty || !fields.HasPrice || !fields.HasQuantity || !fields.HasId || !fields.HasTime
            || fields.Price <= 0m || fields.Quantity <= 0m || fields.TradeId < 0)
        {
            into.BadTrades++;
            return;
        }

        if (!_subscription.TryGet(fields.Symbol, out var pair, out var index))
        {
            return; // a pair we did not subscribe: not ours
        }

        into.AddTrade(
            new Trade(pair.Symbol, fields.TradeId, fields.Price, fields.Quantity, fields.Time.ToUnixTimeMilliseconds(), IsBuyerMaker: fields.TakerSold),
            index);
    }

    /// <summary>A JSON number read exactly from its text; a decimal string is accepted too.</summary>
    private static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDecimal(out value),
            JsonTokenType.String when !reader.ValueIsEscaped => Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length,
            _ => false,
        };
    }

    private enum Channel : byte
    {
        None,
        Trade,
        Heartbeat,
        Status,
        Other,
    }

    private enum Method : byte
    {
        None,
        Subscribe,
        Unsubscribe,
        Pong,
        Error,
        Other,
    }

    private struct Head
    {
        public Channel Channel;
        public Method Method;
        public bool IsSnapshot;
        public bool Success;
        public bool HasData;
    }

    private ref struct TradeFields
    {
        public ReadOnlySpan<byte> Symbol;
        public decimal Price;
        public decimal Quantity;
        public long TradeId;
        public DateTimeOffset Time;
        public bool HasPrice;
        public bool HasQuantity;
        public bool HasId;
        public bool HasTime;
        public bool TakerSold;
    }
}
