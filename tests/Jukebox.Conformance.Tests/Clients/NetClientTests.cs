using System.Text.Json;
using static Jukebox.Conformance.Tests.Clients.NetClientConnector;

namespace Jukebox.Conformance.Tests.Clients;

/// <summary>
/// The calls a .NET app makes through SpotifyAPI-NET, sent as that library sends them (see
/// <see cref="NetClientConnector"/>), and the leniencies real clients rely on.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class NetClientTests(ConformanceTarget target) : IDisposable
{
    private readonly NetClientConnector _api = new(target.BaseAddress, target.UserToken);

    private Task<Discovery.Catalog> Music() => target.Discovered.CatalogAsync();

    [Fact]
    public async Task Gets_an_album_for_a_market()
    {
        var album = (await Music()).Albums[0];
        var body = (await _api.Get($"albums/{album}", Query(("market", "US")))).Json();
        Assert.Equal(album, body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Gets_several_albums_artists_and_tracks_by_comma_joined_ids()
    {
        var music = await Music();
        Assert.Equal(music.Albums, Ids((await _api.Get("albums", Query(("ids", music.Albums), ("market", "US")))).Json(), "albums"));
        Assert.Equal(music.Artists, Ids((await _api.Get("artists", Query(("ids", music.Artists)))).Json(), "artists"));
        Assert.Equal(music.Tracks, Ids((await _api.Get("tracks", Query(("ids", music.Tracks), ("market", "US")))).Json(), "tracks"));
    }

    [Fact]
    public async Task Gets_an_artist_and_a_track()
    {
        var music = await Music();
        Assert.Equal(music.Artists[0], (await _api.Get($"artists/{music.Artists[0]}")).Json().GetProperty("id").GetString());
        Assert.Equal(music.Tracks[0], (await _api.Get($"tracks/{music.Tracks[0]}", Query(("market", "US")))).Json().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Browses_new_releases_and_categories_with_a_limit()
    {
        var releases = (await _api.Get("browse/new-releases", Query(("limit", 5), ("offset", 0)))).Json();
        Assert.Equal(5, releases.GetProperty("albums").GetProperty("items").GetArrayLength());
        var categories = (await _api.Get("browse/categories", Query(("limit", 5), ("locale", "sv_SE")))).Json();
        Assert.InRange(categories.GetProperty("categories").GetProperty("items").GetArrayLength(), 1, 5);
    }

    [Fact]
    public async Task Lists_the_markets()
    {
        var markets = (await _api.Get("markets")).Json().GetProperty("markets").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("US", markets);
    }

    [Fact]
    public async Task Reads_the_current_user()
    {
        Assert.Equal(target.UserId, (await _api.Get("me")).Json().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Saves_checks_and_removes_tracks_with_ids_in_the_query_and_no_body()
    {
        string[] ids = [.. (await Music()).Tracks[3..5]];
        (await _api.Put("me/tracks", Query(("ids", ids)))).AssertSuccess();
        Assert.Equal(new[] { true, true }, await SavedAsync(ids));
        (await _api.Delete("me/tracks", Query(("ids", ids)))).AssertSuccess();
        Assert.Equal(new[] { false, false }, await SavedAsync(ids));
    }

    [Fact]
    public async Task Follows_artists_with_the_type_in_the_query_and_the_ids_in_the_body()
    {
        var artists = (await Music()).Artists;
        (await _api.Put("me/following", Query(("type", "artist")), new { Ids = artists })).AssertSuccess();
        var following = (await _api.Get("me/following/contains", Query(("type", "artist"), ("ids", artists)))).Json();
        Assert.All(following.EnumerateArray(), f => Assert.True(f.GetBoolean()));
        (await _api.Delete("me/following", Query(("type", "artist")), new { Ids = artists })).AssertSuccess();
    }

    [Fact]
    public async Task Creates_a_playlist_adds_items_and_reads_it_back()
    {
        var tracks = (await Music()).Tracks;
        // Its create request leaves unset fields (collaborative here) out of the body.
        var created = (await _api.Post($"users/{target.UserId}/playlists", null,
            new { Name = "From .NET", Public = false, Collaborative = (bool?)null, Description = "SpotifyAPI-NET style" })).Json();
        var id = created.GetProperty("id").GetString()!;
        var added = (await _api.Post($"playlists/{id}/items", null, new { Uris = tracks[..2].Select(Discovery.Uri("track")).ToArray(), Position = (int?)null })).Json();
        Assert.False(string.IsNullOrEmpty(added.GetProperty("snapshot_id").GetString()));
        var playlist = (await _api.Get($"playlists/{id}", Query(("market", "US")))).Json();
        Assert.Equal("From .NET", playlist.GetProperty("name").GetString());
        // Its FullPlaylist reads "tracks"; the 2026 form also names the page "items".
        var pages = new[] { "tracks", "items" }.Where(p => playlist.TryGetProperty(p, out _)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Equal(2, playlist.GetProperty(p).GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Searches_with_a_space_in_the_query_and_several_types()
    {
        var track = (await _api.Get($"tracks/{(await Music()).Tracks[0]}")).Json();
        var found = (await _api.Get("search", Query(("q", track.GetProperty("name").GetString()), ("type", "track,artist"), ("limit", 5)))).Json();
        Assert.True(found.TryGetProperty("tracks", out _) && found.TryGetProperty("artists", out _), $"search answered {found}");
    }

    [Fact]
    public async Task Lists_the_player_devices()
    {
        var devices = (await _api.Get("me/player/devices")).Json();
        Assert.Equal(JsonValueKind.Array, devices.GetProperty("devices").ValueKind);
    }

    [Fact]
    public async Task Accepts_a_trailing_slash_on_a_path()
    {
        var album = (await Music()).Albums[0];
        Assert.Equal(album, (await _api.Get($"albums/{album}/")).Json().GetProperty("id").GetString());
        Assert.Equal(target.UserId, (await _api.Get("me/")).Json().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Saves_and_removes_tracks_given_as_a_bare_json_array_body()
    {
        string[] ids = [.. (await Music()).Tracks[3..5]];
        (await _api.Put("me/tracks", null, JsonSerializer.Serialize(ids))).AssertSuccess();
        Assert.Equal(new[] { true, true }, await SavedAsync(ids));
        (await _api.Delete("me/tracks", null, JsonSerializer.Serialize(ids))).AssertSuccess();
        Assert.Equal(new[] { false, false }, await SavedAsync(ids));
    }

    [Fact]
    public async Task Removes_tracks_whose_ids_are_in_a_delete_body_without_a_query()
    {
        string[] ids = [.. (await Music()).Tracks[3..5]];
        (await _api.Put("me/tracks", Query(("ids", ids)))).AssertSuccess();
        (await _api.Delete("me/tracks", null, new { Ids = ids })).AssertSuccess();
        Assert.Equal(new[] { false, false }, await SavedAsync(ids));
    }

    private async Task<bool[]> SavedAsync(string[] ids) =>
        [.. (await _api.Get("me/tracks/contains", Query(("ids", ids)))).Json().EnumerateArray().Select(e => e.GetBoolean())];

    private static string[] Ids(JsonElement body, string array) =>
        [.. body.GetProperty(array).EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    public void Dispose() => _api.Dispose();
}
