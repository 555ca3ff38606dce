using System.Text.Json;
using CandleDashboard.Benchmarks.Latency;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The browser side of one chart tab's JS interop, without a browser: for each call the server makes,
/// the answer the page would give, so the server proceeds exactly as with Chromium. Module imports
/// return a JS object reference; the chart's own calls (wwwroot/js/candleChart.js) answer what the
/// module returns once plotly has drawn (<c>whenDrawn</c> true, <c>applyUpdate</c> true,
/// <c>replaceCandles</c> 0 holes filled, a fresh profile's <c>preferences</c>); Plotly.Blazor's calls,
/// MudBlazor's and Blazor's own are answered with a neutral success (nothing drawn, nothing stored).
/// Every <c>applyUpdate</c> candle is logged with its arrival time.
/// </summary>
public sealed class EmulatedBrowser(WallClock clock)
{
    private const string ChartModule = "./js/candleChart.js";

    // What a fresh browser profile in UTC remembers: nothing (chartLink.js preferences()).
    private const string FreshPreferences = """{"zone":null,"scale":null,"indicators":null,"browserZone":"UTC"}""";

    // JS object id → what it is (a module path); 0 is window, as in Microsoft.JSInterop.
    private readonly Dictionary<long, string> _objects = new() { [0] = "window" };
    private readonly Dictionary<string, long> _oldestDrawn = [];
    private long _nextObjectId = 1;

    public ChartUpdateLog Updates { get; } = new();

    /// <summary>Raised when the chart module reports a chart drawn.</summary>
    public event Action<DrawnChart>? ChartDrawn;

    /// <summary>Raised once Blazor's renderer has attached its interop (the browser then adds the root components).</summary>
    public event Action? RendererAttached;

    /// <summary>The result as JSON (the third element of EndInvokeJSFromDotNet's array).</summary>
    public string Answer(in JsInteropCall call)
    {
        if (call.ResultType == JsResultType.JSObjectReference)
        {
            return NewObjectReference(call);
        }

        var result = _objects.GetValueOrDefault(call.TargetInstanceId) == ChartModule ? AnswerChart(call) : AnswerOther(call);
        return call.ResultType == JsResultType.JSVoidResult ? "null" : result;
    }

    private string NewObjectReference(in JsInteropCall call)
    {
        var id = _nextObjectId++;
        _objects[id] = call.Identifier == "import" ? FirstArgument(call.ArgsJson) ?? "module" : call.Identifier;
        return $$"""{"__jsObjectId":{{id}}}""";
    }

    private string AnswerChart(in JsInteropCall call)
    {
        switch (call.Identifier)
        {
            case "applyUpdate":
                LogUpdate(call.ArgsJson);
                return "true";
            case "whenDrawn":
                ReportDrawn(call.ArgsJson);
                return "true";
            case "replaceCandles":
                return "0"; // no holes filled: the official candles replace drawn ones
            case "preferences":
                return FreshPreferences;
            case "setIndicators" or "setLiveDeltas" or "applyIndicatorValues" or "setDisplay":
                return "true";
            default:
                return "null"; // forget, setQuery, linkCrosshairs, rememberIndicators: void in the module
        }
    }

    private string AnswerOther(in JsInteropCall call)
    {
        if (call.Identifier is "newPlot" or "react")
        {
            RememberFigure(call.ArgsJson); // Plotly.Blazor drawing the history
        }
        else if (call.Identifier == "Blazor._internal.attachWebRendererInterop")
        {
            RendererAttached?.Invoke();
        }

        // MudBlazor's system dark-mode query answers a boolean: a light system.
        return call.Identifier.EndsWith("darkModeChange", StringComparison.Ordinal) ? "false" : "null";
    }

    // applyUpdate(id, candle, indicators): the candle is { t, o, h, l, c, v, closed, official }.
    private void LogUpdate(string argsJson)
    {
        var at = clock.NowMs();
        using var args = JsonDocument.Parse(argsJson);
        var candle = args.RootElement[1];
        Updates.Add(new ShownCandle(at, candle.GetProperty("t").GetInt64(), candle.GetProperty("v").GetDouble()));
    }

    // whenDrawn(id, expected, options, timeoutMs): options.dotnet is the chart's DotNetObjectReference.
    private void ReportDrawn(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        var root = args.RootElement;
        var plotId = root[0].GetString()!;
        var dotnet = root[2].TryGetProperty("dotnet", out var reference) && reference.ValueKind == JsonValueKind.Object
            ? reference.GetProperty("__dotNetObject").GetInt64()
            : 0;
        var expected = root[1];
        ChartDrawn?.Invoke(new DrawnChart(plotId, dotnet, expected.GetProperty("count").GetInt32(), expected.GetProperty("lastOpenTime").GetInt64(), _oldestDrawn.TryGetValue(plotId, out var oldest) ? oldest : null));
    }

    // newPlot/react(id, data, layout, config, frames): trace 0's customdata holds the open times.
    private void RememberFigure(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        var root = args.RootElement;
        if (root.GetArrayLength() > 1 && root[1].ValueKind == JsonValueKind.Array && root[1].GetArrayLength() > 0
            && root[1][0].TryGetProperty("customdata", out var times) && times.ValueKind == JsonValueKind.Array && times.GetArrayLength() > 0)
        {
            _oldestDrawn[root[0].GetString()!] = times[0].GetInt64();
        }
    }

    private static string? FirstArgument(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        return args.RootElement.GetArrayLength() > 0 && args.RootElement[0].ValueKind == JsonValueKind.String ? args.RootElement[0].GetString() : null;
    }
}
