using CandleDashboard.Core.Exchange;

namespace CandleDashboard.Exchange.Streaming;

/// <summary>
/// Sends a REST GET and reads its body, turning the transport's failures into the core's
/// <see cref="ExchangeUnavailableException"/>: a network failure or the client's timeout is an
/// outage of the exchange (callers back off and retry), not a shutdown. Only the caller's own
/// cancellation leaves as cancellation. What the answer means is the adapter's business.
/// </summary>
public sealed class RestTransport
{
    private readonly HttpClient _http;
    private readonly string _exchange;

    public RestTransport(HttpClient http, string exchange)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
    }

    /// <summary>Sends the request and waits for its whole content.</summary>
    public async Task<HttpResponseMessage> GetAsync(string uri, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ExchangeUnavailableException(_exchange, $"{_exchange} REST could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExchangeUnavailableException(_exchange, $"{_exchange} REST did not answer within {_http.Timeout.TotalSeconds:0.#} s", ex);
        }
    }

    /// <summary>The answer's body, whatever its status (error bodies are read too).</summary>
    public async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ExchangeUnavailableException(_exchange, $"{_exchange} REST answer broke off: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExchangeUnavailableException(_exchange, $"{_exchange} REST answer did not arrive within {_http.Timeout.TotalSeconds:0.#} s", ex);
        }
    }
}
