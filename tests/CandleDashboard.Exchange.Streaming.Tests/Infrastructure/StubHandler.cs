namespace CandleDashboard.Exchange.Streaming.Tests.Infrastructure;

/// <summary>An HTTP handler that answers every request with what the test gives it (or throws), without a network.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        answer(request, cancellationToken);
}
