using System.Net;
using Jukebox.Sandbox.Tests.State;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Editorial playlists made, replaced and deleted through the sandbox.</summary>
public sealed class PlaylistFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    /// <summary>Two tracks of a new album and an episode of a new show, as uris.</summary>
    private async Task<(string First, string Second, string Episode)> PlayablesAsync()
    {
        var (first, second, episode) = (FixtureCalls.NewId(), FixtureCalls.NewId(), FixtureCalls.NewId());
        var artist = await _calls.ArtistAsync();
        await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "One", first), FixtureCalls.Track(artist, "Two", second)]);
        await _calls.ShowAsync([FixtureCalls.Episode("Talk", episode)]);
        return ($"spotify:track:{first}", $"spotify:track:{second}", $"spotify:episode:{episode}");
    }

    [Fact]
    public async Task A_created_playlist_is_answered_as_the_Web_API_returns_it_owned_by_Spotify()
    {
        var (first, second, episode) = await PlayablesAsync();
        var local = "spotify:local:Some+Band:Demo:Garage+Take:187";

        var created = await _calls.PostAsync("playlists", new
        {
            name = "Fixture Mix", description = "Made for a test.",
            tracks = new
            {
                items = new object[]
                {
                    new { added_at = "2024-05-17T10:00:00Z", track = new { uri = second } },
                    new { added_at = (string?)null, track = new { uri = episode } },
                    new { added_at = (string?)null, track = new { uri = local } },
                    new { added_at = (string?)null, track = new { uri = first } },
                },
            },
        });
        var read = await _calls.GetAsync($"/v1/playlists/{created.Id}?additional_types=episode");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var playlist = read.Json;
        Assert.Equal("spotify", playlist.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal("Made for a test.", playlist.GetProperty("description").GetString());
        Assert.Equal(0, playlist.GetProperty("followers").GetProperty("total").GetInt32());
        Assert.Equal([second, episode, local, first], FixtureCalls.Uris(playlist));
        Assert.Equal("2024-05-17T10:00:00Z", playlist.GetProperty("items").GetProperty("items")[0].GetProperty("added_at").GetString());
        Assert.Contains(created.Id, (await _calls.GetAsync("/v1/users/spotify/playlists?limit=50")).Text);
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var (first, second, episode) = await PlayablesAsync();
        var id = await _calls.PlaylistAsync([first, episode, second]);
        var read = await _calls.GetAsync($"/v1/playlists/{id}?additional_types=episode");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("playlists", id)).Status);

        var again = await _calls.PostAsync("playlists", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
    }

    [Fact]
    public async Task Creating_a_playlist_id_that_exists_is_a_conflict_even_a_users()
    {
        var id = await _calls.PlaylistAsync([]);
        using var demo = server.CreateClient(await UserScene.DemoTokenAsync(server));
        var mine = await FixtureCalls.Json(await demo.PostAsync("/v1/me/playlists", FixtureCalls.JsonContent(new { name = "Mine" })));
        var userPlaylist = mine.GetProperty("id").GetString()!;

        var again = await _calls.PostAsync("playlists", new { id, name = "Twice" });
        var users = await _calls.PostAsync("playlists", new { id = userPlaylist, name = "Taken" });

        Assert.Equal((HttpStatusCode.Conflict, $"A playlist with id {id} exists"), (again.Status, again.Message));
        Assert.Equal(HttpStatusCode.Conflict, users.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.PutAsync("playlists", userPlaylist, new { name = "Not yours" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.DeleteAsync("playlists", userPlaylist)).Status);
        Assert.Equal("Mine", (await _calls.GetAsync($"/v1/playlists/{userPlaylist}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_replace_with_items_makes_them_the_playlists_items_under_a_new_snapshot()
    {
        var (first, second, episode) = await PlayablesAsync();
        var id = await _calls.PlaylistAsync([first, second]);
        var before = (await _calls.GetAsync($"/v1/playlists/{id}")).Json.GetProperty("snapshot_id").GetString();

        var replaced = await _calls.PutAsync("playlists", id, new { name = "Renamed", items = new { items = new[] { new { item = new { uri = episode } }, new { item = new { uri = first } } } } });
        var kept = await _calls.PutAsync("playlists", id, new { name = "Renamed again" });

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal([episode, first], FixtureCalls.Uris(replaced.Json));
        Assert.NotEqual(before, replaced.Json.GetProperty("snapshot_id").GetString());
        Assert.Equal("Renamed again", kept.Json.GetProperty("name").GetString());
        Assert.Equal([episode, first], FixtureCalls.Uris(kept.Json));
        Assert.Equal((await _calls.GetAsync($"/v1/playlists/{id}?additional_types=episode")).Text, kept.Text);
    }

    [Fact]
    public async Task A_playlist_followed_by_a_user_or_listed_by_a_category_is_not_deleted()
    {
        var followed = await _calls.PlaylistAsync([]);
        var listed = await _calls.PlaylistAsync([]);
        var category = await _calls.CreateAsync("categories", new { name = "Listing", playlists = new { items = new[] { new { id = listed } } } });
        using var demo = server.CreateClient(await UserScene.DemoTokenAsync(server));
        using var follow = await demo.PutAsync($"/v1/playlists/{followed}/followers", FixtureCalls.JsonContent(new { @public = true }));
        Assert.True(follow.IsSuccessStatusCode);

        var followedDelete = await _calls.DeleteAsync("playlists", followed);
        var listedDelete = await _calls.DeleteAsync("playlists", listed);

        Assert.Equal((HttpStatusCode.Conflict, "The playlist is followed by a user: remove it there first (or reset the sandbox)"), (followedDelete.Status, followedDelete.Message));
        Assert.Equal((HttpStatusCode.Conflict, $"The playlist is one of category {category}'s playlists: change the category first"), (listedDelete.Status, listedDelete.Message));
        Assert.Equal(HttpStatusCode.OK, (await _calls.GetAsync($"/v1/playlists/{listed}")).Status);
    }

    [Fact]
    public async Task A_deleted_playlist_is_gone_from_reads_and_search()
    {
        var id = await _calls.PlaylistAsync([], name: "Quokkafixture Picks");
        Assert.Contains(id, (await _calls.GetAsync("/v1/search?type=playlist&q=Quokkafixture")).Text);

        var deleted = await _calls.DeleteAsync("playlists", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/playlists/{id}")).Status);
        Assert.DoesNotContain(id, (await _calls.GetAsync("/v1/search?type=playlist&q=Quokkafixture")).Text);
        Assert.Equal("No such editorial playlist (a user's playlist is changed through the Web API)", (await _calls.DeleteAsync("playlists", id)).Message);
    }

    [Fact]
    public async Task A_playlist_with_an_unknown_track_is_not_written_at_all()
    {
        var id = FixtureCalls.NewId();
        var (first, _, _) = await PlayablesAsync();

        var answer = await _calls.PostAsync("playlists", new
        {
            id, name = "Half", items = new { items = new[] { new { item = new { uri = first } }, new { item = new { uri = "spotify:track:0000000000000000000000" } } } },
        });

        Assert.Equal((HttpStatusCode.BadRequest, "Unknown track id 0000000000000000000000"), (answer.Status, answer.Message));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/playlists/{id}")).Status);
    }
}
