using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jukebox.Server;

/// <summary>
/// The body of /readyz: the overall status and every check's, e.g.
/// {"status":"Degraded","checks":{"database":{"status":"Healthy","description":null},...}}, so that an
/// operator (or a balancer's log) sees why a node is not ready. The status code stays the health
/// checks' default: 200 for Healthy and Degraded, 503 for Unhealthy.
/// </summary>
internal static class ReadinessResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
