using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// The fields each API profile takes out of the objects (behaviors §7): absent from every object a
/// development-2026 app reads, wherever the object appears (nested, embedded pages, playlist items,
/// search), kept for full and restricted-2024 apps; and no previews from 27 Nov 2024.
/// </summary>
public sealed class ProfileFieldsTests(ProfileFieldsTests.PreviewServer server) : IClassFixture<ProfileFieldsTests.PreviewServer>
{
    /// <summary>A server whose catalog gives one album's tracks a preview, as the demo catalog's have none.</summary>
    public sealed class PreviewServer : JukeboxTestServer
    {
        public CatalogAlbum Album { get; private set; } = null!;
        public CatalogTrack Relinked { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var catalog = await CatalogAsync();
            Album = catalog.PlainAlbum();
            Relinked = catalog.AlbumRelinkedInUs().Tracks[0];
            using (var scope = Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
                var ids = Album.Tracks.Select(t => t.Id).ToList();
                await db.Tracks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.PreviewUrl, "https://p.scdn.co/mp3-preview/jukebox"));
            }
            await Services.GetRequiredService<CatalogStore>().ReloadAsync();
            var reloaded = await CatalogAsync();
            Album = reloaded.Albums[Album.Id];
            Relinked = reloaded.Tracks[Relinked.Id];
        }
    }

    /// <summary>The fields development mode removed, by the object's <c>type</c> (behaviors §7.3).</summary>
    private static readonly Dictionary<string, string[]> Removed2026 = new()
    {
        ["album"] = ["album_group", "available_markets", "label", "popularity"],
        ["artist"] = ["followers", "popularity"],
        ["track"] = ["available_markets", "linked_from", "popularity"],
        ["show"] = ["available_markets", "publisher"],
        ["audiobook"] = ["available_markets", "publisher"],
        ["chapter"] = ["available_markets"],
        ["user"] = ["country", "email", "explicit_content", "followers", "product"],
    };

    /// <summary>
    /// A client of a new extended-quota app of the profile: with the demo user's token (whose country is
    /// every request's market), or with the app's own (no market unless asked: objects carry their markets).
    /// </summary>
    private async Task<HttpClient> ClientOfAppAsync(string profile, bool user = true)
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/apps", new { name = $"Fields {profile}", quota_mode = "extended", api_profile = profile });
        var app = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var oauth = new OAuthClient(server, app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
        if (!user)
        {
            var (status, token) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
            Assert.Equal(200, status);
            return server.CreateClient(token.GetProperty("access_token").GetString());
        }
        return server.CreateClient(await oauth.SandboxUserTokenAsync(JukeboxTestServer.DemoUserId,
            "user-read-private", "user-read-email", "playlist-modify-private", "playlist-read-private"));
    }

    /// <summary>Reads that between them carry every kind of object whose fields a profile changes.</summary>
    private async Task<List<string>> ReadsAsync()
    {
        var catalog = await server.CatalogAsync();
        var artist = Album_.Artists[0].Id;
        var show = catalog.Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        var book = catalog.Audiobooks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).First();
        return
        [
            $"/v1/albums/{Album_.Id}", $"/v1/albums/{Album_.Id}/tracks", $"/v1/tracks/{Album_.Tracks[0].Id}",
            $"/v1/tracks/{server.Relinked.Id}?market=US", $"/v1/artists/{artist}", $"/v1/artists/{artist}/albums",
            $"/v1/shows/{show.Id}", $"/v1/audiobooks/{book.Id}", $"/v1/chapters/{book.Chapters[0].Id}",
            "/v1/search?q=a&type=album,artist,track,show,audiobook&limit=5",
        ];
    }

    private CatalogAlbum Album_ => server.Album;

    /// <summary>Every (type, field) the responses carry, for the objects and fields of <see cref="Removed2026"/>.</summary>
    private static void Collect(JsonElement element, HashSet<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, found);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        // A chapter's type is "episode", as on Spotify; its chapter number tells it from an episode.
        type = type == "episode" && element.TryGetProperty("chapter_number", out _) ? "chapter" : type;
        foreach (var property in element.EnumerateObject())
        {
            if (Removed2026.TryGetValue(type, out var removed) && removed.Contains(property.Name))
            {
                found.Add($"{type}.{property.Name}");
            }
            Collect(property.Value, found);
        }
    }

    private async Task<HashSet<string>> RemovableFieldsSeenByAsync(string profile)
    {
        using var app = await ClientOfAppAsync(profile, user: false);
        using var user = await ClientOfAppAsync(profile);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (client, path) in (await ReadsAsync()).Select(p => (app, p)).Append((user, "/v1/me")))
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{profile} {path}: {(int)response.StatusCode}");
            Collect(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, found);
        }
        return found;
    }

    [Fact]
    public async Task A_development_app_reads_no_removed_field_in_any_object_while_full_and_2024_apps_read_them_all()
    {
        var everyField = Removed2026.SelectMany(r => r.Value.Select(f => $"{r.Key}.{f}"))
            .ToHashSet(StringComparer.Ordinal);

        var full = await RemovableFieldsSeenByAsync(ApiProfiles.Full);
        var restricted = await RemovableFieldsSeenByAsync(ApiProfiles.Restricted2024);
        var development = await RemovableFieldsSeenByAsync(ApiProfiles.Development2026);

        Assert.Equal(everyField.Order(), full.Order());
        Assert.Equal(everyField.Order(), restricted.Order());
        Assert.Empty(development);
    }

    [Fact]
    public async Task The_album_group_of_an_artists_albums_and_a_chapters_markets_go_and_the_rest_stays()
    {
        var book = (await server.CatalogAsync()).Audiobooks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).First();
        using var full = await ClientOfAppAsync(ApiProfiles.Full, user: false);
        using var development = await ClientOfAppAsync(ApiProfiles.Development2026, user: false);

        var albumsFull = await full.GetFromJsonAsync<JsonElement>($"/v1/artists/{Album_.Artists[0].Id}/albums");
        var albumsDevelopment = await development.GetFromJsonAsync<JsonElement>($"/v1/artists/{Album_.Artists[0].Id}/albums");
        var chapterFull = await full.GetFromJsonAsync<JsonElement>($"/v1/chapters/{book.Chapters[0].Id}");
        var chapterDevelopment = await development.GetFromJsonAsync<JsonElement>($"/v1/chapters/{book.Chapters[0].Id}");

        Assert.True(albumsFull.GetProperty("items")[0].TryGetProperty("album_group", out _));
        Assert.False(albumsDevelopment.GetProperty("items")[0].TryGetProperty("album_group", out _));
        Assert.True(chapterFull.TryGetProperty("available_markets", out _));
        Assert.False(chapterDevelopment.TryGetProperty("available_markets", out _));
        // What development mode kept stays.
        Assert.True(chapterDevelopment.GetProperty("audiobook").TryGetProperty("authors", out _));
    }

    [Fact]
    public async Task A_relinked_track_is_still_served_to_a_development_app_but_without_linked_from()
    {
        using var full = await ClientOfAppAsync(ApiProfiles.Full);
        using var development = await ClientOfAppAsync(ApiProfiles.Development2026);

        var forFull = await full.GetFromJsonAsync<JsonElement>($"/v1/tracks/{server.Relinked.Id}?market=US");
        var forDevelopment = await development.GetFromJsonAsync<JsonElement>($"/v1/tracks/{server.Relinked.Id}?market=US");

        Assert.Equal(server.Relinked.Id, forFull.GetProperty("linked_from").GetProperty("id").GetString());
        Assert.Equal(forFull.GetProperty("id").GetString(), forDevelopment.GetProperty("id").GetString());
        Assert.True(forDevelopment.GetProperty("is_playable").GetBoolean());
        Assert.False(forDevelopment.TryGetProperty("linked_from", out _));
        Assert.True(forDevelopment.TryGetProperty("external_ids", out _));
    }

    [Theory]
    [InlineData(ApiProfiles.Full, true)]
    [InlineData(ApiProfiles.Restricted2024, false)]
    [InlineData(ApiProfiles.Development2026, false)]
    public async Task Previews_are_null_for_apps_made_from_november_2024(string profile, bool previews)
    {
        using var client = await ClientOfAppAsync(profile);
        var track = Album_.Tracks[0].Id;

        var single = await client.GetFromJsonAsync<JsonElement>($"/v1/tracks/{track}");
        var album = await client.GetFromJsonAsync<JsonElement>($"/v1/albums/{Album_.Id}");
        var page = await client.GetFromJsonAsync<JsonElement>($"/v1/albums/{Album_.Id}/tracks");

        foreach (var preview in new[] { single, album.GetProperty("tracks").GetProperty("items")[0], page.GetProperty("items")[0] }
            .Select(t => t.GetProperty("preview_url")))
        {
            Assert.Equal(previews ? JsonValueKind.String : JsonValueKind.Null, preview.ValueKind);
        }
    }

    [Theory]
    [InlineData(ApiProfiles.Full, "public, max-age=120")]
    [InlineData(ApiProfiles.Restricted2024, "private, max-age=0")]
    [InlineData(ApiProfiles.Development2026, "private, max-age=0")]
    public async Task A_shared_cache_may_keep_an_apps_catalog_answers_only_when_every_app_gets_the_same(string profile, string cacheControl)
    {
        using var client = await ClientOfAppAsync(profile, user: false);

        using var response = await client.GetAsync($"/v1/tracks/{Album_.Tracks[0].Id}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Fact]
    public async Task A_playlists_tracks_carry_the_fields_of_the_readers_profile_whoever_read_them_first()
    {
        using var full = await ClientOfAppAsync(ApiProfiles.Full);
        using var development = await ClientOfAppAsync(ApiProfiles.Development2026);
        using var created = await full.PostAsJsonAsync($"/v1/users/{JukeboxTestServer.DemoUserId}/playlists", new { name = "Fields", @public = false });
        var playlist = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var added = await full.PostAsync($"/v1/playlists/{playlist}/items?uris=spotify:track:{Album_.Tracks[0].Id}", null);
        added.EnsureSuccessStatusCode();

        var forFull = await full.GetFromJsonAsync<JsonElement>($"/v1/playlists/{playlist}/items?market=US");
        var forDevelopment = await development.GetFromJsonAsync<JsonElement>($"/v1/playlists/{playlist}/items?market=US");
        var filtered = await development.GetFromJsonAsync<JsonElement>($"/v1/playlists/{playlist}?market=US&fields=items.items(item(popularity,name))");

        var trackForFull = forFull.GetProperty("items")[0].GetProperty("item");
        var trackForDevelopment = forDevelopment.GetProperty("items")[0].GetProperty("item");
        Assert.True(trackForFull.TryGetProperty("popularity", out _));
        Assert.Equal(JsonValueKind.String, trackForFull.GetProperty("preview_url").ValueKind);
        Assert.False(trackForDevelopment.TryGetProperty("popularity", out _));
        Assert.False(trackForDevelopment.GetProperty("album").TryGetProperty("available_markets", out _));
        Assert.Equal(JsonValueKind.Null, trackForDevelopment.GetProperty("preview_url").ValueKind);
        var filteredTrack = filtered.GetProperty("items").GetProperty("items")[0].GetProperty("item");
        Assert.True(filteredTrack.TryGetProperty("name", out _));
        Assert.False(filteredTrack.TryGetProperty("popularity", out _));
    }
}
