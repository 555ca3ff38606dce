using System.Text.Json;
using CandleDashboard.Web.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CandleDashboard.Web.Health;

/// <summary>
/// JSON body of the health endpoints. Anyone may ask (probes are anonymous), so an anonymous
/// caller gets the overall status and each check's name and status only: a description can name
/// a server and its port ("Redis at 10.0.0.7:6379 …") or carry a driver's error text. A signed-in
/// operator (the admin cookie) also gets each check's description, duration and data. Exception
/// details are never written: the health check service logs every unhealthy check with its
/// description and exception (category Microsoft.Extensions.Diagnostics.HealthChecks).
/// </summary>
public static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // The body differs by caller: no cache may keep an operator's answer for someone else.
        context.Response.Headers.CacheControl = "no-store";
        var detailed = await IsOperatorAsync(context);
        object body = detailed
            ? new
            {
                status = report.Status.ToString(),
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.Select(e => new
                {
                    name = e.Key,
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    data = e.Value.Data,
                }),
            }
            : new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString() }),
            };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), Json, context.RequestAborted);
    }

    private static async Task<bool> IsOperatorAsync(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, AdminPolicy.Name)).Succeeded;
}
