using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.Apps;

/// <summary>Developer apps through the sandbox: create, list, read, change, delete, and rotate a secret.</summary>
public static class SandboxAppsEndpoints
{
    public static void MapSandboxApps(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/apps", Create).WithSummary("Create an app; the answer holds its client secret").Accepts<SandboxAppRequest>("application/json");
        sandbox.MapGet("/apps", List).WithSummary("List the apps");
        sandbox.MapGet("/apps/{client_id}", Get).WithSummary("Read an app");
        sandbox.MapPatch("/apps/{client_id}", Update).WithSummary("Change an app's settings").Accepts<SandboxAppRequest>("application/json");
        sandbox.MapDelete("/apps/{client_id}", Delete).WithSummary("Delete an app with its grants and tokens");
        sandbox.MapPost("/apps/{client_id}/secret", RotateSecret).WithSummary("Give an app a new client secret; the old one stops working");
    }

    /// <summary>Read by hand, so a body of the wrong shape is 400 "Malformed json" like the Web API's.</summary>
    private static readonly JsonTypeInfo<SandboxAppRequest> RequestJson =
        (JsonTypeInfo<SandboxAppRequest>)JsonSerializerOptions.Web.GetTypeInfo(typeof(SandboxAppRequest));

    private static async Task<Created<SandboxAppObject>> Create(SandboxApps apps, HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context, RequestJson) ?? throw SpotifyException.BadRequest("name is required");
        var app = await apps.CreateAsync(body, context.RequestAborted);
        return TypedResults.Created($"/sandbox/apps/{app.ClientId}", app);
    }

    private static async Task<Ok<SandboxAppList>> List(SandboxApps apps, HttpContext context) =>
        TypedResults.Ok(new SandboxAppList(await apps.ListAsync(context.RequestAborted)));

    private static async Task<Ok<SandboxAppObject>> Get(string client_id, SandboxApps apps, HttpContext context) =>
        TypedResults.Ok(await apps.FindAsync(client_id, context.RequestAborted) ?? throw SpotifyException.NotFound("No such app"));

    private static async Task<Ok<SandboxAppObject>> Update(string client_id, SandboxApps apps, HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context, RequestJson) ?? throw SpotifyException.BadRequest("A JSON body is required");
        return TypedResults.Ok(await apps.UpdateAsync(client_id, body, context.RequestAborted));
    }

    private static async Task<NoContent> Delete(string client_id, SandboxApps apps) =>
        await apps.DeleteAsync(client_id, CancellationToken.None) ? TypedResults.NoContent() : throw SpotifyException.NotFound("No such app");

    private static async Task<Ok<SandboxAppObject>> RotateSecret(string client_id, SandboxApps apps) =>
        TypedResults.Ok(await apps.RotateSecretAsync(client_id, CancellationToken.None));
}
