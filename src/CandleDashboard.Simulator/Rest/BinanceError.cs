using System.Text.Json;

namespace CandleDashboard.Simulator.Rest;

/// <summary>A Binance REST error body, <c>{"code":-1121,"msg":"Invalid symbol."}</c>, sent with HTTP 400.</summary>
internal sealed record BinanceError(int Code, string Message)
{
    public static BinanceError InvalidSymbol { get; } = new(-1121, "Invalid symbol.");

    public static BinanceError InvalidInterval { get; } = new(-1120, "Invalid interval.");

    public static BinanceError StartAfterEnd { get; } = new(-1023, "Start time is greater than end time.");

    public static BinanceError Mandatory(string parameter) =>
        new(-1102, $"Mandatory parameter '{parameter}' was not sent, was empty/null, or malformed.");

    public static BinanceError IllegalCharacters(string parameter) =>
        new(-1100, $"Illegal characters found in parameter '{parameter}'; legal range is '^[0-9]{{1,20}}$'.");

    public static BinanceError InvalidValue(string parameter) =>
        new(-1130, $"Data sent for parameter '{parameter}' is not valid.");

    public IResult ToResult() => Results.Text(
        JsonSerializer.Serialize(new { code = Code, msg = Message }),
        "application/json;charset=UTF-8",
        statusCode: StatusCodes.Status400BadRequest);
}
