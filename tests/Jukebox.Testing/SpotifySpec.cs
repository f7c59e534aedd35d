using NJsonSchema;
using NSwag;
using Xunit;

namespace Jukebox.Testing;

/// <summary>The API contract (spec/fixed-spotify-open-api.yml) that every response body must match.</summary>
public static class SpotifySpec
{
    private static readonly Lazy<Task<OpenApiDocument>> Document = new(() => OpenApiYamlDocument.FromFileAsync(FindSpec()));

    public static async Task<OpenApiDocument> LoadAsync() => await Document.Value;

    /// <summary>
    /// Fails unless <paramref name="response"/>'s JSON body validates against the schema the spec
    /// gives for <paramref name="method"/> <paramref name="pathTemplate"/> and the response's status.
    /// </summary>
    /// <param name="nullableItemsOf">
    /// The top-level array of a multi-get whose entries may be null: the real service answers an
    /// unknown id with null in its place, which the spec's schema does not allow. Null entries are
    /// left out of the validation; the test asserts them itself.
    /// </param>
    /// <param name="nullableProperties">
    /// Top-level properties the spec describes as "Can be null" while its schema gives them an object
    /// type (the player's context, item and progress_ms): a null value is left out of the validation.
    /// </param>
    public static async Task AssertMatchesAsync(HttpResponseMessage response, string method, string pathTemplate, string? nullableItemsOf = null,
        IReadOnlyCollection<string>? nullableProperties = null)
    {
        var document = await LoadAsync();
        Assert.True(document.Paths.TryGetValue(pathTemplate, out var pathItem), $"The spec has no path {pathTemplate}.");
        Assert.True(pathItem.TryGetValue(method.ToLowerInvariant(), out var operation), $"The spec has no {method} {pathTemplate}.");
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(operation.ActualResponses.TryGetValue(status, out var specResponse),
            $"The spec gives no {status} response for {method} {pathTemplate}.");
        var body = await response.Content.ReadAsStringAsync();
        var schema = specResponse.ActualResponse.Content.TryGetValue("application/json", out var media) ? media.Schema?.ActualSchema : null;
        if (schema is null)
        {
            Assert.True(body.Length == 0, $"{method} {pathTemplate} {status} has no body in the spec, but the server sent: {body}");
            return;
        }
        if (nullableItemsOf is not null)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
            var items = node[nullableItemsOf]!.AsArray();
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i] is null)
                {
                    items.RemoveAt(i);
                }
            }
            body = node.ToJsonString();
        }
        if (nullableProperties is not null && System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject root)
        {
            foreach (var name in nullableProperties)
            {
                if (root.TryGetPropertyValue(name, out var value) && value is null)
                {
                    root.Remove(name);
                }
            }
            body = root.ToJsonString();
        }
        var errors = schema.Validate(body, SchemaType.OpenApi3);
        Assert.True(errors.Count == 0,
            $"{method} {pathTemplate} {status} does not match the spec:\n" + string.Join('\n', errors.Select(e => $"  {e.Path}: {e.Kind}")) + $"\nbody: {Truncate(body)}");
    }

    private static string Truncate(string body) => body.Length > 2000 ? body[..2000] + "…" : body;

    private static string FindSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "spec", "fixed-spotify-open-api.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("spec/fixed-spotify-open-api.yml was not found above the test binaries.");
    }
}
