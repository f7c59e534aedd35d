using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.Faults;

/// <summary>
/// Fault rules: make matching Web API and token requests fail (429, 500, 502, 503), slow down or lose
/// their connection, on every node, with a probability, for a number of requests, until they expire.
/// </summary>
public static class FaultEndpoints
{
    public static void MapFaults(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/faults", Add).WithSummary("Add a fault rule").Accepts<FaultRequest>("application/json");
        sandbox.MapGet("/faults", List).WithSummary("List the fault rules");
        sandbox.MapDelete("/faults/{id}", Remove).WithSummary("Remove a fault rule");
        sandbox.MapDelete("/faults", Clear).WithSummary("Remove every fault rule");
    }

    /// <summary>Read by hand, so a body of the wrong shape is 400 "Malformed json" like the Web API's, not a bare 400.</summary>
    private static readonly JsonTypeInfo<FaultRequest> RequestJson = (JsonTypeInfo<FaultRequest>)JsonSerializerOptions.Web.GetTypeInfo(typeof(FaultRequest));

    private static async Task<Created<FaultObject>> Add(FaultRules rules, HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context, RequestJson) ?? new FaultRequest(null, null, null, null, null, null, null, null, null, null, null);
        var rule = await rules.AddAsync(body, context.RequestAborted);
        return TypedResults.Created($"/sandbox/faults/{rule.Id}", FaultObject.From(rule));
    }

    private static async Task<Ok<FaultList>> List(FaultRules rules, HttpContext context) =>
        TypedResults.Ok(new FaultList([.. (await rules.ListAsync(null, context.RequestAborted)).Select(FaultObject.From)]));

    private static async Task<NoContent> Remove(string id, FaultRules rules, HttpContext context) =>
        await rules.RemoveAsync(id, null, context.RequestAborted)
            ? TypedResults.NoContent()
            : throw SpotifyException.NotFound("No such fault");

    private static async Task<NoContent> Clear(FaultRules rules, HttpContext context)
    {
        await rules.ClearAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }
}
