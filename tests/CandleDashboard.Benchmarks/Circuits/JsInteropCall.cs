namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// A JS interop call from the server, as blazor.web.js receives it in <c>JS.BeginInvokeJS</c>
/// (.NET 10: handle, identifier, arguments as JSON, result type, target object, call type).
/// </summary>
/// <param name="AsyncHandle">0 when the server does not wait for an answer.</param>
/// <param name="TargetInstanceId">The JS object the function is looked up on; 0 is <c>window</c>.</param>
public readonly record struct JsInteropCall(long AsyncHandle, string Identifier, string ArgsJson, JsResultType ResultType, long TargetInstanceId);

/// <summary>What the server expects back (Microsoft.JSInterop's JSCallResultType).</summary>
public enum JsResultType
{
    Default = 0,
    JSObjectReference = 1,
    JSStreamReference = 2,
    JSVoidResult = 3,
}
