using System.Net;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Testing;
using static Jukebox.Api.Tests.Library.LibraryUsers;

namespace Jukebox.Api.Tests.Library;

/// <summary>Saved tracks, albums, episodes, shows and audiobooks through their own endpoints.</summary>
[Collection(CatalogServer.Name)]
public sealed class SavedItemsTests(JukeboxTestServer server)
{
    /// <summary>Each kind: its path, URI type, the most ids a request takes, and the property holding the item.</summary>
    public static readonly TheoryData<string, string, int, string> Kinds = new()
    {
        { "/me/tracks", "track", 50, "track" },
        { "/me/albums", "album", 20, "album" },
        { "/me/episodes", "episode", 50, "episode" },
        { "/me/shows", "show", 50, "show" },
        { "/me/audiobooks", "audiobook", 50, "audiobook" },
    };

    /// <summary>The first <paramref name="count"/> items of a kind, by id.</summary>
    private async Task<List<string>> IdsAsync(string type, int count)
    {
        var catalog = await server.CatalogAsync();
        IEnumerable<string> ids = type switch
        {
            "track" => catalog.Tracks.Values.Where(t => t.Markets.Contains("US")).Select(t => t.Id),
            "album" => catalog.Albums.Keys,
            "episode" => catalog.Episodes.Keys,
            "show" => catalog.Shows.Keys,
            _ => catalog.Audiobooks.Keys,
        };
        return [.. ids.Order(StringComparer.Ordinal).Take(count)];
    }

    /// <summary>The id of a saved item as saved: a relinked track names the saved one in linked_from.</summary>
    private static string SavedId(JsonElement entry, string property)
    {
        var item = entry.GetProperty(property);
        return item.TryGetProperty("linked_from", out var from) ? from.Str("id") : item.Str("id");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Saved_items_come_back_newest_first_with_the_time_they_were_saved(string path, string type, int max, string property)
    {
        _ = max;
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 3);
        var first = server.Clock.GetUtcNow();
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[0]}", path);
        server.Clock.Advance(TimeSpan.FromMinutes(5));
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[1]},{ids[2]}", path);

        var page = await client.GetOkAsync($"/v1{path}", path);

        // Saved in one request, the later-listed item counts as the newer one.
        Assert.Equal([ids[2], ids[1], ids[0]], page.Array().Select(i => SavedId(i, property)));
        Assert.Equal(3, page.Int("total"));
        var later = first.AddMinutes(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = first.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([later, later, earlier], page.Array().Select(i => i.Str("added_at")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Ids_are_taken_from_the_query_an_ids_object_or_a_bare_array_and_delete_takes_them_from_the_body_alone(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 3);
        var contains = $"/v1{path}/contains?ids={string.Join(',', ids)}";

        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[0]}", path);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}", path, IdsBody(ids[1]));
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}", path, Json(ids[2]));
        Assert.Equal([true, true, true], await client.ContainsAsync(contains, $"{path}/contains"));

        await client.WriteOkAsync(HttpMethod.Delete, $"/v1{path}", path, IdsBody(ids[0]));
        Assert.Equal([false, true, true], await client.ContainsAsync(contains, $"{path}/contains"));
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1{path}", path, Json(ids[1]));
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1{path}?ids={ids[2]}", path);
        Assert.Equal([false, false, false], await client.ContainsAsync(contains, $"{path}/contains"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Ids_in_the_query_win_over_the_body(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 2);

        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[0]}", path, IdsBody(ids[1]));

        Assert.Equal([true, false], await client.ContainsAsync($"/v1{path}/contains?ids={ids[0]},{ids[1]}", $"{path}/contains"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Saving_twice_keeps_one_entry_and_its_first_time_and_removing_an_unsaved_item_is_harmless(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 2);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[0]},{ids[0]}", path);
        var saved = (await client.GetOkAsync($"/v1{path}", path)).Array()[0].Str("added_at");
        server.Clock.Advance(TimeSpan.FromHours(1));

        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[0]}", path);
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1{path}?ids={ids[1]},{CatalogPicks.UnknownId}", path);

        var page = await client.GetOkAsync($"/v1{path}", path);
        Assert.Equal(1, page.Int("total"));
        Assert.Equal(saved, page.Array()[0].Str("added_at"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Contains_answers_every_id_in_the_order_asked_including_unknown_ones(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 2);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={ids[1]}", path);

        var answer = await client.ContainsAsync($"/v1{path}/contains?ids={ids[0]},{ids[1]},{CatalogPicks.UnknownId},{ids[1]}", $"{path}/contains");

        Assert.Equal([false, true, false, true], answer);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_request_naming_more_ids_than_spotify_allows_is_400_and_changes_nothing(string path, string type, int max, string property)
    {
        _ = property;
        var (_, client) = await server.NewLibraryUserAsync();
        var known = (await IdsAsync(type, 1))[0];
        var atMost = Enumerable.Range(0, max).Select(i => i == 0 ? known : $"{i:D22}").ToList();
        var tooMany = atMost.Append(CatalogPicks.UnknownId).ToList();

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}?ids={string.Join(',', tooMany)}", HttpStatusCode.BadRequest, "Too many ids requested");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}", HttpStatusCode.BadRequest, "Too many ids requested", IdsBody([.. tooMany]));
        await client.AssertErrorAsync(HttpMethod.Delete, $"/v1{path}", HttpStatusCode.BadRequest, "Too many ids requested", Json([.. tooMany]));
        await client.AssertBadRequestAsync($"/v1{path}/contains?ids={string.Join(',', tooMany)}", "Too many ids requested");

        Assert.Equal(max, (await client.ContainsAsync($"/v1{path}/contains?ids={string.Join(',', atMost)}", $"{path}/contains")).Count);
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1{path}?ids={string.Join(',', atMost)}", path);
        Assert.Equal(0, (await client.GetOkAsync($"/v1{path}", path)).Int("total"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unknown_id_is_404_and_nothing_of_the_request_is_saved(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var known = (await IdsAsync(type, 1))[0];

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}?ids={known},{CatalogPicks.UnknownId}", HttpStatusCode.NotFound, "non existing id");

        Assert.Equal([false], await client.ContainsAsync($"/v1{path}/contains?ids={known}", $"{path}/contains"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Malformed_ids_missing_ids_and_bad_json_are_400(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var known = (await IdsAsync(type, 1))[0];

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}?ids={known},not-a-base62-id", HttpStatusCode.BadRequest, "Invalid base62 id");
        await client.AssertErrorAsync(HttpMethod.Delete, $"/v1{path}", HttpStatusCode.BadRequest, "Invalid base62 id", IdsBody("short"));
        await client.AssertBadRequestAsync($"/v1{path}/contains?ids={known},x", "Invalid base62 id");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}", HttpStatusCode.BadRequest, "Missing required field: ids");
        await client.AssertErrorAsync(HttpMethod.Delete, $"/v1{path}", HttpStatusCode.BadRequest, "Missing required field: ids", "{}");
        await client.AssertBadRequestAsync($"/v1{path}/contains", "Missing required field: ids");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1{path}", HttpStatusCode.BadRequest, "Malformed json", $"{{\"ids\":[\"{known}\"");
        await client.AssertErrorAsync(HttpMethod.Delete, $"/v1{path}", HttpStatusCode.BadRequest, "Malformed json", "{\"ids\":[1,2]}");

        Assert.Equal(0, (await client.GetOkAsync($"/v1{path}", path)).Int("total"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Pages_follow_limit_and_offset_and_link_to_each_other(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync(type, 5);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={string.Join(',', ids)}", path);

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1{path}?offset=0&limit=2", path);

        Assert.Equal(Enumerable.Reverse(ids), items.Select(i => SavedId(i, property)));
        await client.AssertBadRequestAsync($"/v1{path}?limit=0", "Invalid limit");
        await client.AssertBadRequestAsync($"/v1{path}?limit=51", "Invalid limit");
        await client.AssertBadRequestAsync($"/v1{path}?offset=-1", "Invalid offset");
        Assert.Equal(50, (await client.GetOkAsync($"/v1{path}?limit=50", path)).Int("limit"));
        Assert.Equal(20, (await client.GetOkAsync($"/v1{path}", path)).Int("limit"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_operation_needs_its_library_scope_and_a_user(string path, string type, int max, string property)
    {
        _ = (max, property);
        var userId = await server.NewUserAsync();
        var id = (await IdsAsync(type, 1))[0];
        using var readOnly = await server.UserClientAsync(userId, Read);
        using var modifyOnly = await server.UserClientAsync(userId, Modify);
        using var app = await server.CreateAppClientAsync();

        await modifyOnly.AssertErrorAsync($"/v1{path}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await modifyOnly.AssertErrorAsync($"/v1{path}/contains?ids={id}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await readOnly.AssertErrorAsync(HttpMethod.Put, $"/v1{path}?ids={id}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await readOnly.AssertErrorAsync(HttpMethod.Delete, $"/v1{path}?ids={id}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await app.AssertErrorAsync($"/v1{path}", HttpStatusCode.Unauthorized, "Unauthorized");
        await app.AssertErrorAsync(HttpMethod.Put, $"/v1{path}?ids={id}", HttpStatusCode.Unauthorized, "Unauthorized");

        await modifyOnly.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={id}", path);
        Assert.Equal([true], await readOnly.ContainsAsync($"/v1{path}/contains?ids={id}", $"{path}/contains"));
        Assert.Equal(1, (await readOnly.GetOkAsync($"/v1{path}", path)).Int("total"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Users_have_libraries_of_their_own(string path, string type, int max, string property)
    {
        _ = (max, property);
        var (_, alice) = await server.NewLibraryUserAsync();
        var (_, bob) = await server.NewLibraryUserAsync();
        var id = (await IdsAsync(type, 1))[0];

        await alice.WriteOkAsync(HttpMethod.Put, $"/v1{path}?ids={id}", path);

        Assert.Equal([false], await bob.ContainsAsync($"/v1{path}/contains?ids={id}", $"{path}/contains"));
        Assert.Equal(0, (await bob.GetOkAsync($"/v1{path}", path)).Int("total"));
    }

    [Fact]
    public async Task Saving_one_track_from_many_requests_at_once_keeps_it_once()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var id = (await IdsAsync("track", 1))[0];

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(HttpMethod.Put, $"/v1/me/tracks?ids={id}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, (await client.GetOkAsync("/v1/me/tracks", "/me/tracks")).Int("total"));
    }

    [Fact]
    public async Task Timestamped_ids_file_tracks_under_the_times_given_and_win_over_the_query()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var ids = await IdsAsync("track", 3);
        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={ids[2]}", "/me/tracks");
        var body = JsonSerializer.Serialize(new
        {
            ids = new[] { ids[2] },
            timestamped_ids = new[]
            {
                new { id = ids[0], added_at = "2020-05-01T10:00:00Z" },
                new { id = ids[1], added_at = "2021-01-15T08:30:00Z" },
            },
        });

        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={ids[2]}", "/me/tracks", body);

        var page = await client.GetOkAsync("/v1/me/tracks", "/me/tracks");
        Assert.Equal([ids[2], ids[1], ids[0]], page.Array().Select(i => SavedId(i, "track")));
        Assert.Equal(["2021-01-15T08:30:00Z", "2020-05-01T10:00:00Z"], page.Array().Skip(1).Select(i => i.Str("added_at")));
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/tracks", HttpStatusCode.BadRequest, "Invalid added_at",
            JsonSerializer.Serialize(new { timestamped_ids = new[] { new { id = ids[0], added_at = "yesterday" } } }));
    }

    [Fact]
    public async Task Saved_tracks_are_relinked_for_the_users_market()
    {
        var catalog = await server.CatalogAsync();
        var original = catalog.AlbumRelinkedInUs().Tracks[0];
        var withdrawn = catalog.TrackWithdrawnInGermany();
        var (_, us) = await server.NewLibraryUserAsync("US");
        var (_, de) = await server.NewLibraryUserAsync("DE");
        await us.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={original.Id}", "/me/tracks");
        await de.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={withdrawn.Id}", "/me/tracks");

        var inUs = (await us.GetOkAsync("/v1/me/tracks?market=JP", "/me/tracks")).Array()[0].GetProperty("track");
        var inGermany = (await de.GetOkAsync("/v1/me/tracks", "/me/tracks")).Array()[0].GetProperty("track");

        Assert.Equal(original.InstanceIn("US").Id, inUs.Str("id"));
        Assert.Equal(original.Id, inUs.GetProperty("linked_from").Str("id"));
        Assert.True(inUs.GetProperty("is_playable").GetBoolean());
        Assert.Equal(withdrawn.Id, inGermany.Str("id"));
        Assert.False(inGermany.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", inGermany.GetProperty("restrictions").Str("reason"));
    }

    [Fact]
    public async Task Saved_albums_are_shown_for_the_users_market_with_their_tracks()
    {
        var album = (await server.CatalogAsync()).AlbumUnavailableInJapan();
        var (_, jp) = await server.NewLibraryUserAsync("JP");
        await jp.WriteOkAsync(HttpMethod.Put, "/v1/me/albums", "/me/albums", Json(album.Id));

        var saved = (await jp.GetOkAsync("/v1/me/albums", "/me/albums")).Array()[0].GetProperty("album");

        Assert.Equal(album.Id, saved.Str("id"));
        Assert.False(saved.GetProperty("is_playable").GetBoolean());
        Assert.Equal(album.Tracks.Length, saved.GetProperty("tracks").Int("total"));
        Assert.All(saved.GetProperty("tracks").Array(), t => Assert.False(t.GetProperty("is_playable").GetBoolean()));
    }

    [Fact]
    public async Task An_unknown_market_is_400()
    {
        var (_, client) = await server.NewLibraryUserAsync();

        await client.AssertBadRequestAsync("/v1/me/tracks?market=XX", "Invalid market code");
    }

    [Fact]
    public async Task The_demo_user_starts_with_a_library()
    {
        using var client = await server.UserClientAsync(JukeboxTestServer.DemoUserId, Read);

        foreach (var path in new[] { "/me/tracks", "/me/albums", "/me/episodes", "/me/shows", "/me/audiobooks" })
        {
            Assert.True((await client.GetOkAsync($"/v1{path}", path)).Int("total") > 0, path);
        }
    }
}
