using System.Net;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Exchange.Streaming.Tests.Infrastructure;

namespace CandleDashboard.Exchange.Streaming.Tests;

public sealed class RestTransportTests
{
    [Fact]
    public async Task An_answer_is_returned_with_its_body_whatever_its_status()
    {
        using var http = new HttpClient(new StubHandler((_, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"code\":-1121}") })));
        var transport = new RestTransport(http, "binance");

        using var response = await transport.GetAsync("http://127.0.0.1/api", CancellationToken.None);
        var body = await transport.ReadAsync(response, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"code\":-1121}"u8.ToArray(), body);
    }

    [Fact]
    public async Task A_network_failure_is_an_outage_of_the_exchange()
    {
        using var http = new HttpClient(new StubHandler((_, _) => throw new HttpRequestException("connection refused")));
        var transport = new RestTransport(http, "kraken");

        var outage = await Assert.ThrowsAsync<ExchangeUnavailableException>(() => transport.GetAsync("http://127.0.0.1/0/public/Time", CancellationToken.None));

        Assert.Equal("kraken", outage.Exchange);
        Assert.Equal("kraken REST could not be reached: connection refused", outage.Message);
        Assert.IsType<HttpRequestException>(outage.InnerException);
    }

    [Fact]
    public async Task The_clients_timeout_is_an_outage_of_the_exchange()
    {
        using var http = new HttpClient(new StubHandler((_, _) => throw new TaskCanceledException("timed out"))) { Timeout = TimeSpan.FromSeconds(2.5) };
        var transport = new RestTransport(http, "binance");

        var outage = await Assert.ThrowsAsync<ExchangeUnavailableException>(() => transport.GetAsync("http://127.0.0.1/api", CancellationToken.None));

        Assert.Equal("binance REST did not answer within 2.5 s", outage.Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        using var http = new HttpClient(new StubHandler((_, token) => Task.FromCanceled<HttpResponseMessage>(token)));
        var transport = new RestTransport(http, "binance");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.GetAsync("http://127.0.0.1/api", stop.Token));
    }
}
