namespace CandleDashboard.Core.Exchange;

/// <summary>The exchange refused the request itself (a client error it explains in <see cref="ExchangeMessage"/>).</summary>
/// <param name="Code">The exchange's own error code, when it gave one.</param>
public sealed class ExchangeRejectedException(string exchange, int statusCode, string? code, string exchangeMessage)
    : ExchangeException(exchange, code is null ? $"{exchange} refused the request (HTTP {statusCode}): {exchangeMessage}" : $"{exchange} error {code} (HTTP {statusCode}): {exchangeMessage}")
{
    public int StatusCode { get; } = statusCode;

    public string? Code { get; } = code;

    public string ExchangeMessage { get; } = exchangeMessage;
}
