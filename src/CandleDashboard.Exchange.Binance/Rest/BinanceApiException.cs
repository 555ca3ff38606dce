using System.Net;

namespace CandleDashboard.Exchange.Binance.Rest;

/// <summary>
/// Binance answered a REST request with an error. <see cref="Code"/> is Binance's own error code
/// (e.g. -1121 invalid symbol, -1003 too many requests) when the body carried one.
/// </summary>
public class BinanceApiException : Exception
{
    public BinanceApiException(HttpStatusCode statusCode, int? code, string apiMessage)
        : base(code is null ? $"Binance returned HTTP {(int)statusCode}: {apiMessage}" : $"Binance error {code} (HTTP {(int)statusCode}): {apiMessage}")
    {
        StatusCode = statusCode;
        Code = code;
        ApiMessage = apiMessage;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Binance's error code from the body, or null when the body had none (e.g. a proxy's 502).</summary>
    public int? Code { get; }

    /// <summary>Binance's <c>msg</c>, or the response's reason phrase.</summary>
    public string ApiMessage { get; }
}
