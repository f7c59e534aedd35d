using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// Reads a request's JSON body with the source-generated serializers. Read by hand rather than bound
/// by the endpoint because several operations take an optional body (or one on DELETE), and any body
/// that is not JSON of the right shape must be Spotify's 400 <c>Malformed json</c>. The body is parsed
/// as it arrives, never copied whole first, so a large one costs no more than the token being read;
/// the route's body limit (<see cref="Policies.BodyLimits"/>) bounds that.
/// </summary>
public static class JsonBody
{
    /// <summary>The body, or null when the request has none; a JSON <c>null</c> is malformed.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class =>
        await IsEmptyAsync(context.Request, context.RequestAborted) ? null
            : await DeserializeAsync(context.Request, typeInfo, context.RequestAborted) ?? throw SpotifyException.BadRequest("Malformed json");

    /// <summary>The body, or null when the request has none or it is a JSON <c>null</c>.</summary>
    public static async Task<T?> ReadOptionalAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken ct) where T : class =>
        await IsEmptyAsync(request, ct) ? null : await DeserializeAsync(request, typeInfo, ct);

    /// <summary>Whether the request has no body, or an empty one; reads at most its first bytes, and leaves them to be read.</summary>
    public static async Task<bool> IsEmptyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0)
        {
            return true;
        }
        var reader = request.BodyReader;
        var first = await reader.ReadAsync(ct);
        var empty = first.Buffer.IsEmpty && first.IsCompleted;
        reader.AdvanceTo(first.Buffer.Start);
        return empty;
    }

    private static async Task<T?> DeserializeAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken ct) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.BodyReader, typeInfo, ct);
        }
        catch (JsonException)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
    }
}
