using System.Text.Json;
using CandleDashboard.Core.Exchange;
using CandleDashboard.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CandleDashboard.Api.Tests;

/// <summary>The paths the endpoints never take on purpose: an exception and a bare error status.</summary>
public sealed class ApiProblemMiddlewareTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    [Fact]
    public async Task An_exception_under_api_is_a_500_problem_without_the_exception_text()
    {
        var (context, body) = await RunAsync("/api/candles/BTCUSDT/1m", _ => throw new InvalidOperationException("secret connection detail"));

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        Assert.Equal("The server could not answer this request; the error has been logged.", body.GetProperty("detail").GetString());
        Assert.DoesNotContain("secret", body.GetRawText());
    }

    [Fact]
    public async Task An_exchange_at_its_rate_limit_is_a_503_with_retry_after_not_a_500()
    {
        var (context, body) = await RunAsync("/api/candles/BTCUSD/1h", _ =>
            throw new ExchangeRateLimitException("kraken", TimeSpan.FromSeconds(2.5), isBanned: false, "local call counter full"));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("3", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("These candles must come from kraken, whose rate limit is reached; try again in 3 s.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_exchange_that_is_down_is_a_503_that_says_so()
    {
        var (context, body) = await RunAsync("/api/indicators/BTCUSDT/1m", _ =>
            throw new ExchangeUnavailableException("binance", "binance is unavailable: connection refused"));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("These candles must come from binance, which is not answering now; try again shortly.", body.GetProperty("detail").GetString());
        Assert.DoesNotContain("connection refused", body.GetRawText());
    }

    [Fact]
    public async Task A_bare_error_status_under_api_gets_a_problem_body_and_status_pages_are_off()
    {
        var statusPages = new StatusCodePagesFeature();
        var (context, body) = await RunAsync("/api/nowhere", c =>
        {
            Assert.False(statusPages.Enabled);
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        }, statusPages);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("Not Found", body.GetProperty("title").GetString());
        Assert.Equal("No API endpoint at GET /api/nowhere. See /openapi/v1.json.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Pages_outside_api_are_left_alone()
    {
        var statusPages = new StatusCodePagesFeature();
        var (context, _) = await RunAsync("/chart/BTCUSDT/1m", c =>
        {
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        }, statusPages);

        Assert.True(statusPages.Enabled);
        Assert.Equal(0, context.Response.Body.Length);
    }

    private static async Task<(HttpContext Context, JsonElement Body)> RunAsync(string path, RequestDelegate endpoint, StatusCodePagesFeature? statusPages = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        if (statusPages is not null)
        {
            context.Features.Set<IStatusCodePagesFeature>(statusPages);
        }

        var middleware = new ApiProblemMiddleware(endpoint, NullLogger<ApiProblemMiddleware>.Instance);
        await middleware.InvokeAsync(context, Services.GetRequiredService<IProblemDetailsService>());

        context.Response.Body.Position = 0;
        var text = new StreamReader(context.Response.Body).ReadToEnd();
        return (context, text.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(text) : default);
    }
}
