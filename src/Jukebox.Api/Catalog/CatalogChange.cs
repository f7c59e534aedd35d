using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jukebox.Api.Catalog;

/// <summary>
/// The catalog objects one committed change wrote (made, changed or deleted), by type. An album
/// stands for its tracks, a show for its episodes and an audiobook for its chapters: a patch loads
/// them with it. It is what <see cref="CatalogSync.ChangedHereAsync(CatalogChange)"/> patches and what
/// the other nodes are told.
/// </summary>
public sealed record CatalogChange
{
    /// <summary>Above this many objects a change is loaded as a whole new snapshot: patching would gain little.</summary>
    public const int MaxPatched = 20_000;

    public IReadOnlyList<string> Artists { get; init; } = [];
    public IReadOnlyList<string> Albums { get; init; } = [];
    public IReadOnlyList<string> Tracks { get; init; } = [];
    public IReadOnlyList<string> Shows { get; init; } = [];
    public IReadOnlyList<string> Episodes { get; init; } = [];
    public IReadOnlyList<string> Audiobooks { get; init; } = [];
    public IReadOnlyList<string> Chapters { get; init; } = [];

    /// <summary>Whether the browse categories (their names and order) changed.</summary>
    public bool Categories { get; init; }

    [JsonIgnore]
    public int Count => Artists.Count + Albums.Count + Tracks.Count + Shows.Count + Episodes.Count + Audiobooks.Count + Chapters.Count;

    /// <summary>Nothing the snapshot holds changed (e.g. an editorial playlist, which is read from the database).</summary>
    [JsonIgnore]
    public bool IsEmpty => Count == 0 && !Categories;

    public string ToMessage() => JsonSerializer.Serialize(this, CatalogChangeJsonContext.Default.CatalogChange);

    /// <summary>The change a message names; null for any other message (then the whole catalog is loaded again).</summary>
    public static CatalogChange? FromMessage(string message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(message, CatalogChangeJsonContext.Default.CatalogChange);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(CatalogChange))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class CatalogChangeJsonContext : JsonSerializerContext;
