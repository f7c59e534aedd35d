using System.Globalization;
using System.Text;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Api.Http;
using Jukebox.Sandbox;
using Jukebox.Sandbox.Requests;
using Jukebox.Web.Pages.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Web.DashboardEvents;

/// <summary>
/// The live table of an app's requests on its dashboard page: a stream of server-sent events, one
/// <c>request</c> event per request this node serves for the app (each with its log sequence as the
/// event id), starting with those after the page's last row (<c>?after=</c>) so none falls between the
/// page and the stream. Only the app's owner may listen, and only while the sandbox (whose request log
/// it streams) is enabled and, with an admin key set, unlocked on the dashboard (<see cref="SandboxKeyCookie"/>).
/// </summary>
public static class RequestEventsEndpoints
{
    public static void MapRequestEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/dashboard/apps/{clientId}/requests/events", Stream).RequireAuthorization(WebSetup.DashboardPolicy);

    private static async Task Stream(
        string clientId, long? after, HttpContext context, DeveloperApps apps, RequestLog log, SandboxGuard guard, SandboxKeyCookie keys,
        IHostApplicationLifetime lifetime)
    {
        if (!guard.IsEnabled || guard.IsCrossOrigin(context.Request) || !keys.Unlocks(context.Request))
        {
            throw SpotifyException.NotFound("No such app");
        }
        var owner = context.User.FindFirst("sub")?.Value ?? "";
        if (await apps.FindAsync(owner, clientId, context.RequestAborted) is null)
        {
            throw SpotifyException.NotFound("No such app");
        }
        // The stream ends when the page goes, and when the server stops (rather than holding up its shutdown).
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        using var listener = log.Listen(clientId);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Subscribed before the backlog is read, so a request recorded meanwhile comes through one or the other.
        List<RequestLogEntry> backlog = after is { } from
            ? [.. log.Query(clientId, null, null, int.MaxValue).Where(e => e.Sequence > from).Reverse()]
            : [];
        var sent = backlog.Select(e => e.Sequence).ToHashSet();
        try
        {
            await context.Response.Body.FlushAsync(ct);
            foreach (var entry in backlog)
            {
                await WriteAsync(context, entry, ct);
            }
            await foreach (var entry in listener.Reader.ReadAllAsync(ct))
            {
                if (!sent.Remove(entry.Sequence))
                {
                    await WriteAsync(context, entry, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed, or the server is stopping.
        }
        catch (IOException)
        {
            // The connection broke while an event was being written.
        }
    }

    private static async Task WriteAsync(HttpContext context, RequestLogEntry entry, CancellationToken ct)
    {
        var id = entry.Sequence.ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsync($"id: {id}\nevent: request\ndata: {JsonSerializer.Serialize(entry)}\n\n", Encoding.UTF8, ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
