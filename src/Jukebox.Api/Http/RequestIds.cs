using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>An id (or URI) a request names, with the time a client asked to file it under, if any.</summary>
public readonly record struct RequestedItem(string Id, DateTimeOffset? AddedAt = null);

/// <summary>
/// The ids (or URIs) of a save or remove. Spotify takes them from the query string or from a JSON
/// body, and clients send both: a comma-separated <c>ids</c> parameter, <c>{"ids":[…]}</c>, a bare
/// array <c>[…]</c> (older clients such as the TypeScript SDK), or on DELETE only in the body. The
/// body has several shapes, so it is read by hand rather than bound to one type.
/// </summary>
public static class RequestIds
{
    /// <summary>
    /// The query's <paramref name="field"/> when present (a body is then ignored, as the spec says),
    /// else the body's. 400 when there are none, more than <paramref name="max"/>, or the body is not JSON.
    /// Repeated ids count once unless <paramref name="distinct"/> is false (contains answers each). With <paramref name="timestamps"/>, a body's <c>timestamped_ids</c>
    /// (objects with <c>id</c> and <c>added_at</c>) wins over everything else, as for saved tracks.
    /// </summary>
    public static async Task<IReadOnlyList<RequestedItem>> ReadAsync(HttpRequest request, string field, int max, bool timestamps = false, bool distinct = true)
    {
        List<RequestedItem>? items = null;
        var query = request.Query[field].ToString();
        // With ids in the query the body only matters for timestamped_ids, and then only when it is JSON.
        var body = query.Length == 0 ? await ReadBodyAsync(request, tolerant: false)
            : timestamps ? await ReadBodyAsync(request, tolerant: true)
            : null;
        if (timestamps && body is { ValueKind: JsonValueKind.Object } withTimes && withTimes.TryGetProperty("timestamped_ids", out var timed))
        {
            items = Timestamped(timed);
        }
        if (items is null && query.Length > 0)
        {
            items = [.. query.Split(',', StringSplitOptions.TrimEntries).Select(id => new RequestedItem(id))];
        }
        if (items is null && body is { } json)
        {
            var array = json.ValueKind == JsonValueKind.Array ? json
                : json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var property) ? property
                : (JsonElement?)null;
            items = array is { } values ? Strings(values) : null;
        }
        if (items is null || items.Count == 0)
        {
            throw SpotifyException.BadRequest($"Missing required field: {field}");
        }
        if (items.Count > max)
        {
            throw SpotifyException.BadRequest(SpotifyErrors.TooManyIds);
        }
        return distinct ? items.DistinctBy(i => i.Id, StringComparer.Ordinal).ToList() : items;
    }

    /// <summary>The JSON body, or null when there is none (or, when <paramref name="tolerant"/>, when it is not JSON).</summary>
    private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request, bool tolerant)
    {
        if ((request.ContentLength is null && !request.Headers.TransferEncoding.Any()) || await JsonBody.IsEmptyAsync(request, request.HttpContext.RequestAborted))
        {
            return null;
        }
        try
        {
            // Parsed as it arrives: the body is never copied whole first (see JsonBody).
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException) when (tolerant)
        {
            return null;
        }
        catch (JsonException)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
    }

    private static List<RequestedItem> Strings(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
        var items = new List<RequestedItem>(array.GetArrayLength());
        foreach (var value in array.EnumerateArray())
        {
            items.Add(new RequestedItem(value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw SpotifyException.BadRequest("Malformed json")));
        }
        return items;
    }

    private static List<RequestedItem> Timestamped(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
        var items = new List<RequestedItem>(array.GetArrayLength());
        foreach (var entry in array.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw SpotifyException.BadRequest("Missing required field: id");
            }
            if (!entry.TryGetProperty("added_at", out var addedAt) || addedAt.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(addedAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw SpotifyException.BadRequest("Invalid added_at");
            }
            items.Add(new RequestedItem(id.GetString()!, instant.ToUniversalTime()));
        }
        return items;
    }
}
