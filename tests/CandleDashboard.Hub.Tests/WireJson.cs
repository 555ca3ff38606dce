using System.Text.Json;
using System.Text.Json.Serialization;

namespace CandleDashboard.Hub.Tests;

/// <summary>
/// Strict reading of hub payloads: exact camelCase names, no unknown member, no missing or null
/// one, so a renamed, dropped or added member fails a test instead of binding as a default value
/// (SignalR's own defaults ignore case and unknown members).
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Strict { get; } = MakeStrict(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions MakeStrict(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        return options;
    }

    /// <summary>The member names of a JSON object, sorted, for an exact comparison with the contract.</summary>
    public static string[] Names(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
