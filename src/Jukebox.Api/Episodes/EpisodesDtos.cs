using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Api.Shows;

namespace Jukebox.Api.Episodes;

public sealed record ResumePointObject(bool FullyPlayed, int ResumePositionMs);

public class SimplifiedEpisodeObject
{
    public string? AudioPreviewUrl { get; set; }
    public string Description { get; set; } = null!;
    public string HtmlDescription { get; set; } = null!;
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public string Href { get; set; } = null!;
    public string Id { get; set; } = null!;
    public IReadOnlyList<ImageObject> Images { get; set; } = null!;
    public bool IsExternallyHosted { get; set; }
    public bool IsPlayable { get; set; }
    public string Language { get; set; } = null!;
    public IReadOnlyList<string> Languages { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string ReleaseDate { get; set; } = null!;
    public string ReleaseDatePrecision { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResumePointObject? ResumePoint { get; set; }
    public string Type { get; set; } = "episode";
    public string Uri { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; set; }
}

public sealed class EpisodeObject : SimplifiedEpisodeObject
{
    public SimplifiedShowObject Show { get; set; } = null!;
}

public sealed record EpisodesResponse(IReadOnlyList<EpisodeObject?> Episodes);
