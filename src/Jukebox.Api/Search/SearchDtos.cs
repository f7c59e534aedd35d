using System.Text.Json.Serialization;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Search;

/// <summary>One paging object per requested type; the others are left out.</summary>
public sealed class SearchResponse
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<TrackObject>? Tracks { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<ArtistObject>? Artists { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<SimplifiedAlbumObject>? Albums { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<SimplifiedPlaylistObject?>? Playlists { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<SimplifiedShowObject>? Shows { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<SimplifiedEpisodeObject>? Episodes { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PagingObject<SimplifiedAudiobookObject>? Audiobooks { get; set; }
}
