using System.Text.Json.Serialization;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Recommendations;

public sealed record GenreSeedsResponse(IReadOnlyList<string> Genres);

/// <summary>Spotify names these fields in camelCase, unlike every other field of the API.</summary>
public sealed record RecommendationSeedObject(
    [property: JsonPropertyName("afterFilteringSize")] int AfterFilteringSize,
    [property: JsonPropertyName("afterRelinkingSize")] int AfterRelinkingSize,
    string? Href,
    string Id,
    [property: JsonPropertyName("initialPoolSize")] int InitialPoolSize,
    string Type);

public sealed record RecommendationsObject(IReadOnlyList<RecommendationSeedObject> Seeds, IReadOnlyList<TrackObject> Tracks);
