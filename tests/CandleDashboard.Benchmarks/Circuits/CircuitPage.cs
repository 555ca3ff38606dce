using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// What blazor.web.js reads from a page before it starts a circuit: the interactive server root
/// components' markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c> comments; the descriptor in
/// them is data-protected and valid for one circuit) and the persisted component state
/// (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>), if any.
/// </summary>
public sealed partial class CircuitPage
{
    private CircuitPage(IReadOnlyList<JsonObject> markers, string applicationState)
    {
        Markers = markers;
        ApplicationState = applicationState;
    }

    /// <summary>Server markers in the order the browser registers them (by their sequence).</summary>
    public IReadOnlyList<JsonObject> Markers { get; }

    /// <summary>The persisted state handed to the first UpdateRootComponents; empty when the page has none.</summary>
    public string ApplicationState { get; }

    public static CircuitPage Parse(string html)
    {
        var markers = MarkerComment().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null)
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        var state = StateComment().Match(html);
        return new CircuitPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first root-component batch, as WebRootComponentManager sends it once the server's renderer
    /// has attached: one "add" per marker, SSR component ids from 1, each marker with its unique id.
    /// </summary>
    public string AddOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            var marker = Markers[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
