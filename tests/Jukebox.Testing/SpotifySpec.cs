using NJsonSchema;
using NSwag;
using Xunit;

namespace Jukebox.Testing;

/// <summary>The API contract (spec/fixed-spotify-open-api.yml) that every response body must match.</summary>
public static class SpotifySpec
{
    private static readonly Lazy<Task<OpenApiDocument>> Document = new(LoadDocumentAsync);

    /// <summary>
    /// The spec as written, except where its own text contradicts its schema: a cursor page's "next"
    /// is documented as "null if none" and the cursors of the last page are null on the real service,
    /// but the schema does not mark them nullable.
    /// </summary>
    private static async Task<OpenApiDocument> LoadDocumentAsync()
    {
        var document = await OpenApiYamlDocument.FromFileAsync(FindSpec());
        MarkNullable(document, "CursorPagingObject", "next");
        MarkNullable(document, "CursorObject", "after", "before");
        // The player's objects: "Can be `null`", says the text of each of these fields.
        MarkNullable(document, "CurrentlyPlayingContextObject", "context", "progress_ms", "item");
        MarkNullable(document, "CurrentlyPlayingObject", "context", "progress_ms", "item");
        MarkNullable(document, "QueueObject", "currently_playing");
        return document;
    }

    private static void MarkNullable(OpenApiDocument document, string schemaName, params string[] properties)
    {
        var schema = document.Components.Schemas[schemaName].ActualSchema;
        foreach (var name in properties)
        {
            if (schema.ActualProperties.TryGetValue(name, out var property))
            {
                property.IsNullableRaw = true;
            }
        }
    }

    public static async Task<OpenApiDocument> LoadAsync() => await Document.Value;

    /// <summary>Every operation of the spec as "METHOD /path" (the path as the spec writes it, without /v1), in its order.</summary>
    public static async Task<IReadOnlyList<string>> OperationsAsync()
    {
        var document = await LoadAsync();
        return document.Paths
            .SelectMany(path => path.Value.Keys
                .Where(method => method is "get" or "put" or "post" or "delete" or "patch")
                .Select(method => $"{method.ToUpperInvariant()} {path.Key}"))
            .ToList();
    }

    /// <summary>Every OAuth scope the spec's security scheme declares.</summary>
    public static async Task<IReadOnlyList<string>> ScopesAsync()
    {
        var document = await LoadAsync();
        return document.Components.SecuritySchemes.Values
            .SelectMany(scheme => scheme.Flows?.AuthorizationCode?.Scopes.Keys ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Fails unless <paramref name="response"/>'s JSON body validates against the schema the spec
    /// gives for <paramref name="method"/> <paramref name="pathTemplate"/> and the response's status.
    /// </summary>
    /// <param name="nullableItemsOf">
    /// The array of a multi-get whose entries may be null: the real service answers an unknown id
    /// with null in its place, which the spec's schema does not allow. Null entries are left out of
    /// the validation; the test asserts them itself. A dotted path names a nested array
    /// ("playlists.items" of a search, whose playlist results may hold nulls); an absent one is ignored.
    /// </param>
    /// <param name="mayBeAbsent">
    /// Properties the schema requires that may be left out (the fields an API profile removed from the
    /// objects): a missing one of these is not an error, wherever it is missing.
    /// </param>
    public static async Task AssertMatchesAsync(
        HttpResponseMessage response, string method, string pathTemplate, string? nullableItemsOf = null, IReadOnlySet<string>? mayBeAbsent = null)
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
            System.Text.Json.Nodes.JsonNode? items = node;
            foreach (var name in nullableItemsOf.Split('.'))
            {
                items = items is System.Text.Json.Nodes.JsonObject parent ? parent[name] : null;
            }
            if (items is System.Text.Json.Nodes.JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is null)
                    {
                        array.RemoveAt(i);
                    }
                }
            }
            body = node.ToJsonString();
        }
        var errors = schema.Validate(body, SchemaType.OpenApi3).Where(e => !Absent(e, mayBeAbsent)).ToList();
        Assert.True(errors.Count == 0,
            $"{method} {pathTemplate} {status} does not match the spec:\n" + string.Join('\n', errors.Select(e => $"  {e.Path}: {e.Kind}")) + $"\nbody: {Truncate(body)}");
    }

    /// <summary>
    /// Whether the error is only required properties of <paramref name="mayBeAbsent"/> missing: inside
    /// array items and allOf parts, every part's errors must be such; of oneOf/anyOf, one alternative's.
    /// </summary>
    private static bool Absent(NJsonSchema.Validation.ValidationError error, IReadOnlySet<string>? mayBeAbsent) =>
        mayBeAbsent is not null && error switch
        {
            NJsonSchema.Validation.ChildSchemaValidationError { Kind: NJsonSchema.Validation.ValidationErrorKind.NotOneOf or NJsonSchema.Validation.ValidationErrorKind.NotAnyOf } choice =>
                choice.Errors.Values.Any(alternative => alternative.All(e => Absent(e, mayBeAbsent))),
            NJsonSchema.Validation.ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e).All(e => Absent(e, mayBeAbsent)),
            _ => error.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired && error.Property is { } name && mayBeAbsent.Contains(name),
        };

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
