using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CandleDashboard.Simulator.Streaming;

/// <summary>
/// Answers the live-subscription requests of Binance's stream API: SUBSCRIBE, UNSUBSCRIBE,
/// LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY ("combined"). Success is <c>{"result":…,"id":…}</c>;
/// failures are <c>{"error":{"code":n,"msg":"…"},"id":…}</c> with Binance's codes
/// (0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid JSON).
/// </summary>
internal static class StreamRequestHandler
{
    private const string Methods = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    public static byte[] Handle(ClientConnection connection, ReadOnlySpan<byte> request)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(request);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return Error(3, "Invalid JSON: " + e.Message, default);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(2, "Invalid request: expected an object", default);
            }

            root.TryGetProperty("id", out var id);
            if (id.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
            {
                return Error(2, "Invalid request: request ID must be an unsigned integer", default);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("method" or "params" or "id"))
                {
                    return Error(0, "Unknown property", id);
                }
            }

            if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
            {
                return Error(2, "Invalid request: missing field `method`", id);
            }

            root.TryGetProperty("params", out var parameters);
            return method.GetString() switch
            {
                "SUBSCRIBE" => ChangeSubscriptions(connection, parameters, id, subscribe: true),
                "UNSUBSCRIBE" => ChangeSubscriptions(connection, parameters, id, subscribe: false),
                "LIST_SUBSCRIPTIONS" => Result(id, w =>
                {
                    w.WriteStartArray();
                    foreach (var stream in connection.Subscriptions)
                    {
                        w.WriteStringValue(stream.ToString());
                    }

                    w.WriteEndArray();
                }),
                "SET_PROPERTY" => SetProperty(connection, parameters, id),
                "GET_PROPERTY" => GetProperty(connection, parameters, id),
                var other => Error(2, $"Invalid request: unknown variant `{other}`, expected one of {Methods}", id),
            };
        }
    }

    private static byte[] ChangeSubscriptions(ClientConnection connection, JsonElement parameters, JsonElement id, bool subscribe)
    {
        if (parameters.ValueKind != JsonValueKind.Array)
        {
            return Error(1, "Invalid value type: expected a list of stream names", id);
        }

        var streams = new List<StreamName>();
        foreach (var item in parameters.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return Error(1, "Invalid value type: expected string", id);
            }

            if (!StreamName.TryParse(item.GetString(), out var stream))
            {
                return Error(2, $"Invalid request: invalid stream name `{item.GetString()}` (the simulator serves <symbol>@trade, <symbol>@aggTrade and <symbol>@kline_<interval>)", id);
            }

            streams.Add(stream);
        }

        foreach (var stream in streams)
        {
            if (subscribe)
            {
                connection.Subscribe(stream);
            }
            else
            {
                connection.Unsubscribe(stream);
            }
        }

        return Result(id, w => w.WriteNullValue());
    }

    private static byte[] SetProperty(ClientConnection connection, JsonElement parameters, JsonElement id)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 2
            || parameters[0].ValueKind != JsonValueKind.String)
        {
            return Error(2, "Invalid request: expected [\"combined\", true|false]", id);
        }

        if (parameters[0].GetString() != "combined")
        {
            return Error(2, $"Invalid request: unknown property `{parameters[0].GetString()}`", id);
        }

        if (parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Error(1, "Invalid value type: expected Boolean", id);
        }

        connection.IsCombined = parameters[1].GetBoolean();
        return Result(id, w => w.WriteNullValue());
    }

    private static byte[] GetProperty(ClientConnection connection, JsonElement parameters, JsonElement id)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 1
            || parameters[0].ValueKind != JsonValueKind.String || parameters[0].GetString() != "combined")
        {
            return Error(2, "Invalid request: expected [\"combined\"]", id);
        }

        return Result(id, w => w.WriteBooleanValue(connection.IsCombined));
    }

    private static byte[] Result(JsonElement id, Action<Utf8JsonWriter> writeResult) => Write(w =>
    {
        w.WritePropertyName("result");
        writeResult(w);
        WriteId(w, id);
    });

    private static byte[] Error(int code, string message, JsonElement id) => Write(w =>
    {
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
        w.WriteEndObject();
        WriteId(w, id);
    });

    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        writer.WritePropertyName("id");
        if (id.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            id.WriteTo(writer);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
