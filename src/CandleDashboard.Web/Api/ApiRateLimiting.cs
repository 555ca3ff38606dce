using System.Globalization;
using System.Threading.RateLimiting;
using CandleDashboard.Web.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace CandleDashboard.Web.Api;

/// <summary>The <c>/api</c> rate limit: a fixed window per client (<see cref="ClientPartitionKey"/>), refusals as 429 ProblemDetails with Retry-After.</summary>
public static class ApiRateLimiting
{
    public const string PolicyName = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, ApiRateLimitOptions limit)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context => limit.Enabled
                ? RateLimitPartition.GetFixedWindowLimiter(
                    // The client's address as the forwarded headers of a configured proxy give it (else the
                    // socket's); IPv6 clients count per /64.
                    ClientPartitionKey.For(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limit.PermitLimit,
                        Window = limit.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                : RateLimitPartition.GetNoLimiter("off"));

            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        // The framework has no default type for 429; this is where the status is defined.
                        Type = "https://tools.ietf.org/html/rfc6585#section-4",
                        Title = "Too many requests",
                        Detail = $"At most {limit.PermitLimit} API requests per {limit.Window.TotalSeconds:0.###} s from one address; retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }
}
