using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// Reads a request's JSON body with the source-generated serializers. Read by hand rather than bound
/// by the endpoint because several operations take an optional body (or one on DELETE), and any body
/// that is not JSON of the right shape must be Spotify's 400 <c>Malformed json</c>.
/// </summary>
public static class JsonBody
{
    /// <summary>The body, or null when the request has none.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo)
                ?? throw SpotifyException.BadRequest("Malformed json");
        }
        catch (JsonException)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
    }
}
