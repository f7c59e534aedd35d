using System.Text.Json.Serialization;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// A category: the Web API's category object (its <c>href</c> and <c>icons</c> are ignored: the icon
/// is generated from the id), with the playlists <c>GET /v1/browse/categories/{id}/playlists</c> lists
/// as <c>playlists.items</c>, each an editorial playlist named by id.
/// </summary>
public sealed record CategoryFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("playlists")] CategoryPlaylistsFixture? Playlists);

public sealed record CategoryPlaylistsFixture([property: JsonPropertyName("items")] IReadOnlyList<IdFixture?>? Items);

/// <summary>
/// An editorial playlist: the Web API's playlist object, owned by Spotify's user. Its entries are
/// <c>items.items</c> (or <c>tracks.items</c>, the older name), each naming a catalog track or episode
/// in <c>item</c> or <c>track</c> by <c>uri</c> (or <c>id</c> and <c>type</c>); a local file by its
/// <c>spotify:local:</c> uri. <c>followers</c>, <c>images</c> and <c>added_by</c> are ignored: followers
/// are counted, the cover is generated from the first albums, and Spotify's user added every entry.
/// </summary>
public sealed record PlaylistFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("public")] bool? Public,
    [property: JsonPropertyName("collaborative")] bool? Collaborative,
    [property: JsonPropertyName("owner")] IdFixture? Owner,
    [property: JsonPropertyName("snapshot_id")] string? SnapshotId,
    [property: JsonPropertyName("items")] PlaylistEntriesFixture? Items,
    [property: JsonPropertyName("tracks")] PlaylistEntriesFixture? Tracks);

public sealed record PlaylistEntriesFixture([property: JsonPropertyName("items")] IReadOnlyList<PlaylistEntryFixture?>? Items);

/// <summary>One entry: when it was added, and what it is (<c>item</c>, or <c>track</c> as older responses name it).</summary>
public sealed record PlaylistEntryFixture(
    [property: JsonPropertyName("added_at")] string? AddedAt,
    [property: JsonPropertyName("item")] PlayableFixture? Item,
    [property: JsonPropertyName("track")] PlayableFixture? Track);

/// <summary>A track or an episode of the catalog, or a local file, named by uri or by id and type.</summary>
public sealed record PlayableFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("uri")] string? Uri);
