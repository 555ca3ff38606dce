using System.Globalization;
using System.Text.Json;
using CandleDashboard.Core.Market;

namespace CandleDashboard.Exchange.Binance.Parsing;

/// <summary>
/// Parses Binance market-stream messages straight from the receive buffer with
/// <see cref="Utf8JsonReader"/>: combined-stream wrappers (<c>{"stream":..,"data":{..}}</c>), raw
/// events, subscription replies and error frames. Prices and quantities are decimal-parsed from
/// their strings (no binary floating point), and the symbol comes from the <see cref="SymbolTable"/>,
/// so a trade costs no heap allocation. Not thread-safe only in the sense that it has no state:
/// one instance can be shared.
/// </summary>
public sealed class BinanceMessageParser
{
    // Reasons are constants so reporting them allocates nothing.
    internal const string NotAnObject = "message is not a JSON object";
    internal const string InvalidJson = "invalid JSON";
    internal const string OtherEvent = "event type not handled";
    internal const string NoEventType = "no event type";
    internal const string UnknownSymbol = "symbol not subscribed";
    internal const string MissingField = "trade event lacks symbol, id, price, quantity or time";
    internal const string BadNumber = "trade price or quantity is not a positive decimal";

    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint;

    private readonly SymbolTable _symbols;

    public BinanceMessageParser(SymbolTable symbols)
    {
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
    }

    /// <summary>Parses one complete WebSocket text message (UTF-8).</summary>
    public BinanceFrame Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            return ParseCore(message);
        }
        catch (JsonException)
        {
            return BinanceFrame.Malformed(InvalidJson);
        }
    }

    private BinanceFrame ParseCore(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 32 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return BinanceFrame.Malformed(NotAnObject);
        }

        var fields = new EventFields();
        var reply = new ReplyFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                // Combined stream: the event is the "data" object; "stream" only repeats its name.
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!ReadEventObject(ref reader, ref fields))
                    {
                        return BinanceFrame.Skip(OtherEvent);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (!ReadReplyField(ref reader, ref reply) && !ReadEventField(ref reader, ref fields))
            {
                // A raw (non-combined) frame whose "e" names an event we do not handle.
                return BinanceFrame.Skip(OtherEvent);
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return BinanceFrame.Malformed(InvalidJson);
        }

        // Anything after the closing brace makes the reader throw, which Parse reports as invalid JSON.
        reader.Read();

        if (reply.IsError)
        {
            return new BinanceFrame(BinanceFrameKind.Error, Detail: reply.Message ?? "error without message", ErrorCode: reply.Code);
        }

        if (fields.Event == EventKind.None)
        {
            return reply.HasResult && reply.HasId
                ? new BinanceFrame(BinanceFrameKind.SubscriptionResponse)
                : BinanceFrame.Skip(NoEventType); // e.g. spot bookTicker carries no "e"
        }

        return BuildTrade(ref fields);
    }

    private BinanceFrame BuildTrade(ref EventFields fields)
    {
        var id = fields.Event == EventKind.AggTrade ? fields.AggregateId : fields.TradeId;
        if (fields.Symbol.Length == 0 || fields.Price.Length == 0 || fields.Quantity.Length == 0 || id is null || fields.TradeTime is null)
        {
            return BinanceFrame.Malformed(MissingField);
        }

        // Binance's trade ids count up from 0; a negative one is a corrupt frame, and the
        // per-symbol deduplicator would otherwise treat it as an old trade and mask the corruption.
        if (id.Value < 0)
        {
            return BinanceFrame.Malformed(BadNumber);
        }

        if (!decimal.TryParse(fields.Price, DecimalStyle, CultureInfo.InvariantCulture, out var price) || price <= 0
            || !decimal.TryParse(fields.Quantity, DecimalStyle, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
        {
            return BinanceFrame.Malformed(BadNumber);
        }

        if (!_symbols.TryGet(fields.Symbol, out var symbol, out var index))
        {
            return BinanceFrame.Skip(UnknownSymbol);
        }

        var trade = new Trade(symbol, id.Value, price, quantity, fields.TradeTime.Value, fields.BuyerMaker);
        return new BinanceFrame(BinanceFrameKind.Trade, trade, index);
    }

    /// <summary>Reads the properties of a "data" object; false when it is an event we skip.</summary>
    private static bool ReadEventObject(ref Utf8JsonReader reader, ref EventFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!ReadEventField(ref reader, ref fields))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Consumes one property (name already read) and keeps it if it is a trade field of the expected
    /// JSON type. Other types are ignored rather than rejected: in bookTicker "a" is a price string,
    /// in aggTrade it is the numeric id. Returns false as soon as "e" names another event, so a flood
    /// of depth updates is not read to the end.
    /// </summary>
    private static bool ReadEventField(ref Utf8JsonReader reader, ref EventFields fields)
    {
        var name = reader.ValueSpan;
        var escapedName = reader.ValueIsEscaped;
        reader.Read();
        if (escapedName || name.Length != 1)
        {
            reader.Skip(); // every field we read has a one-letter unescaped name
            return true;
        }

        switch (name[0])
        {
            case (byte)'e' when reader.TokenType == JsonTokenType.String:
                var type = StringValue(ref reader);
                if (type.SequenceEqual("trade"u8))
                {
                    fields.Event = EventKind.Trade;
                }
                else if (type.SequenceEqual("aggTrade"u8))
                {
                    fields.Event = EventKind.AggTrade;
                }
                else
                {
                    return false;
                }

                break;
            case (byte)'s' when reader.TokenType == JsonTokenType.String:
                fields.Symbol = StringValue(ref reader);
                break;
            case (byte)'p' when reader.TokenType == JsonTokenType.String:
                fields.Price = StringValue(ref reader);
                break;
            case (byte)'q' when reader.TokenType == JsonTokenType.String:
                fields.Quantity = StringValue(ref reader);
                break;
            case (byte)'t' when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var tradeId):
                fields.TradeId = tradeId;
                break;
            case (byte)'a' when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var aggregateId):
                fields.AggregateId = aggregateId;
                break;
            case (byte)'T' when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var time):
                fields.TradeTime = time;
                break;
            case (byte)'m' when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                fields.BuyerMaker = reader.TokenType == JsonTokenType.True;
                break;
            default:
                reader.Skip();
                break;
        }

        return true;
    }

    /// <summary>Consumes "result", "id", "code", "msg" and "error"; false if the property is none of them.</summary>
    private static bool ReadReplyField(ref Utf8JsonReader reader, ref ReplyFields reply)
    {
        if (reader.ValueTextEquals("result"u8))
        {
            reader.Read();
            reader.Skip();
            reply.HasResult = true;
        }
        else if (reader.ValueTextEquals("id"u8))
        {
            reader.Read();
            reader.Skip();
            reply.HasId = true;
        }
        else if (reader.ValueTextEquals("code"u8))
        {
            reader.Read();
            ReadCode(ref reader, ref reply);
        }
        else if (reader.ValueTextEquals("msg"u8))
        {
            reader.Read();
            ReadMessage(ref reader, ref reply);
        }
        else if (reader.ValueTextEquals("error"u8))
        {
            reader.Read();
            reply.IsError = true;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isCode = reader.ValueTextEquals("code"u8);
                    var isMessage = reader.ValueTextEquals("msg"u8);
                    reader.Read();
                    if (isCode)
                    {
                        ReadCode(ref reader, ref reply);
                    }
                    else if (isMessage)
                    {
                        ReadMessage(ref reader, ref reply);
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
        else
        {
            return false;
        }

        return true;
    }

    private static void ReadCode(ref Utf8JsonReader reader, ref ReplyFields reply)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code))
        {
            reply.Code = code;
            reply.IsError = true;
        }
        else
        {
            reader.Skip();
        }
    }

    private static void ReadMessage(ref Utf8JsonReader reader, ref ReplyFields reply)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            reply.Message = reader.GetString(); // error frames are rare; the text is worth keeping
            reply.IsError = true;
        }
        else
        {
            reader.Skip();
        }
    }

    /// <summary>
    /// The raw bytes of a string value. Binance never escapes these fields; if a server did, the
    /// unescaped copy costs one allocation on that rare path instead of a wrong answer.
    /// </summary>
    private static ReadOnlySpan<byte> StringValue(scoped ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var written = reader.CopyString(buffer);
        return buffer.AsSpan(0, written);
    }

    private enum EventKind : byte
    {
        None,
        Trade,
        AggTrade,
    }

    private ref struct EventFields
    {
        public EventKind Event;
        public ReadOnlySpan<byte> Symbol;
        public ReadOnlySpan<byte> Price;
        public ReadOnlySpan<byte> Quantity;
        public long? TradeId;
        public long? AggregateId;
        public long? TradeTime;
        public bool BuyerMaker;
    }

    private struct ReplyFields
    {
        public bool HasResult;
        public bool HasId;
        public bool IsError;
        public int? Code;
        public string? Message;
    }
}
