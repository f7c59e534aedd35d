using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Api.Shows;

namespace Jukebox.Api.Episodes;

public sealed record ResumePointObject(bool FullyPlayed, int ResumePositionMs);

public class SimplifiedEpisodeObject
{
    public required string? AudioPreviewUrl { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public required int DurationMs { get; init; }
    public required bool Explicit { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyList<ImageObject> Images { get; init; }
    public required bool IsExternallyHosted { get; init; }
    public required bool IsPlayable { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string Name { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResumePointObject? ResumePoint { get; init; }
    public string Type { get; init; } = "episode";
    public required string Uri { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; init; }
}

public sealed class EpisodeObject : SimplifiedEpisodeObject
{
    public required SimplifiedShowObject Show { get; init; }
}

public sealed record EpisodesResponse(IReadOnlyList<EpisodeObject?> Episodes);
