using CandleDashboard.Core.Exchange;
using Microsoft.AspNetCore.Diagnostics;

namespace CandleDashboard.Web.Api;

/// <summary>
/// For <c>/api/*</c> only: an error status without a body (unmatched route, wrong method) gets a
/// ProblemDetails body instead of being re-executed into the Blazor not-found page, and an
/// unhandled exception becomes a 500 ProblemDetails without a stack trace instead of the HTML
/// error page. An exchange that cannot answer (history beyond the stores, its rate limit reached, down)
/// is not the server's fault: a 503 that says so, with Retry-After when the exchange named the wait. Runs inside the dashboard's status-code and exception middleware, so it can switch
/// them off per request.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> logger)
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!IsApi(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (ExchangeException ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("{Exchange} could not answer {Path}: {Error}", ex.Exchange, context.Request.Path, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            var retryAfter = ex is ExchangeRateLimitException limit ? limit.RetryAfter : TimeSpan.FromSeconds(5);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, problems, ex is ExchangeRateLimitException
                ? $"These candles must come from {ex.Exchange}, whose rate limit is reached; try again in {context.Response.Headers.RetryAfter} s."
                : $"These candles must come from {ex.Exchange}, which is not answering now; try again shortly.");
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error serving {Path}", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteAsync(context, problems, "The server could not answer this request; the error has been logged.");
            return;
        }

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null or 0 } && string.IsNullOrEmpty(context.Response.ContentType))
        {
            await WriteAsync(context, problems, context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No API endpoint at {context.Request.Method} {context.Request.Path}. See /openapi/v1.json.",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed here; the API is read-only.",
                _ => null,
            });
        }
    }

    private static ValueTask WriteAsync(HttpContext context, IProblemDetailsService problems, string? detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Detail = detail },
        });
}
