namespace CandleDashboard.Web.Security;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> on every response. The headers are written when the response
/// starts, not when the request arrives: the exception handler clears the response's headers
/// before it renders the error page, and the error page must carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            SecurityHeaders.Apply(((HttpResponse)state).Headers);
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
