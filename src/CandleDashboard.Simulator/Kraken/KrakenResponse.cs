using System.Buffers;
using System.Text.Json;

namespace CandleDashboard.Simulator.Kraken;

/// <summary>
/// Kraken's REST envelope, always HTTP 200: <c>{"error":[],"result":{…}}</c> on success and
/// <c>{"error":["EQuery:Unknown asset pair"]}</c> on failure.
/// </summary>
internal static class KrakenResponse
{
    public const string UnknownAssetPair = "EQuery:Unknown asset pair";
    public const string InvalidArguments = "EGeneral:Invalid arguments";
    public const string RateLimitExceeded = "EAPI:Rate limit exceeded";
    public const string ServiceUnavailable = "EService:Unavailable";
    private const string ContentType = "application/json; charset=utf-8";

    public static IResult Error(string error) => Results.Text(ErrorBody(error), ContentType, statusCode: StatusCodes.Status200OK);

    public static string ErrorBody(string error) => JsonSerializer.Serialize(new { error = new[] { error } });

    public static IResult Result(Action<Utf8JsonWriter> writeResult)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("error");
            w.WriteEndArray();
            w.WritePropertyName("result");
            writeResult(w);
            w.WriteEndObject();
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), ContentType);
    }
}
