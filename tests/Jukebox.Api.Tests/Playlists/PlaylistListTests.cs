using System.Net;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Listing a user's playlists, following and unfollowing (the scope rules of the concept page).</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistListTests(JukeboxTestServer server)
{
    private sealed record Setup(PlaylistUser Owner, PlaylistUser Other, string Public, string Private, string OwnCollaborative, string OthersPublic, string OthersCollaborative);

    /// <summary>The owner has a public, a private and a collaborative playlist and follows another user's public and collaborative ones.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var owner = await PlaylistUser.CreateAsync(server);
        var other = await PlaylistUser.CreateAsync(server);
        var othersPublic = await other.CreatePlaylistAsync("Their public");
        var othersCollaborative = await other.CreatePlaylistAsync("Their band", isPublic: false, collaborative: true);
        var isPublic = await owner.CreatePlaylistAsync("Mine public");
        var isPrivate = await owner.CreatePlaylistAsync("Mine private", isPublic: false);
        var ownCollaborative = await owner.CreatePlaylistAsync("My band", isPublic: false, collaborative: true);
        foreach (var id in new[] { othersPublic, othersCollaborative })
        {
            using var follow = await owner.Client.PutAsync($"/v1/playlists/{id}/followers", null);
            Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        }
        return new Setup(owner, other, isPublic, isPrivate, ownCollaborative, othersPublic, othersCollaborative);
    }

    public static readonly TheoryData<string[], string[]> ScopeRules = new()
    {
        { [], ["OthersPublic", "Public"] },
        { ["playlist-read-private"], ["OthersPublic", "Private", "Public"] },
        { ["playlist-read-collaborative"], ["OwnCollaborative", "OthersPublic", "Public"] },
        { ["playlist-read-private", "playlist-read-collaborative"], ["OwnCollaborative", "OthersPublic", "Private", "Public"] },
    };

    [Theory]
    [MemberData(nameof(ScopeRules))]
    public async Task My_playlists_are_the_ones_i_own_or_follow_as_my_scopes_allow_newest_first(string[] scopes, string[] expected)
    {
        var setup = await SetUpAsync();
        using var client = await setup.Owner.ClientWithAsync(scopes);

        var mine = await client.GetOkAsync("/v1/me/playlists", "/me/playlists");
        var byUserId = await client.GetOkAsync($"/v1/users/{setup.Owner.Id}/playlists", "/users/{user_id}/playlists");

        var names = new Dictionary<string, string>
        {
            [setup.Public] = "Public", [setup.Private] = "Private", [setup.OwnCollaborative] = "OwnCollaborative",
            [setup.OthersPublic] = "OthersPublic", [setup.OthersCollaborative] = "OthersCollaborative",
        };
        var order = new[] { setup.OthersPublic, setup.OwnCollaborative, setup.Private, setup.Public };
        Assert.Equal(order.Where(id => expected.Contains(names[id])), mine.Ids());
        Assert.Equal(mine.Ids(), byUserId.Ids());
        Assert.Equal(expected.Length, mine.Int("total"));
    }

    [Fact]
    public async Task Another_users_list_shows_only_their_public_playlists_whatever_my_scopes()
    {
        var setup = await SetUpAsync();

        var seen = await setup.Other.Client.GetOkAsync($"/v1/users/{setup.Owner.Id}/playlists", "/users/{user_id}/playlists");
        using var app = await server.CreateAppClientAsync();
        var seenByApp = await app.GetOkAsync($"/v1/users/{setup.Owner.Id}/playlists", "/users/{user_id}/playlists");

        Assert.Equal([setup.OthersPublic, setup.Public], seen.Ids());
        Assert.Equal(seen.Ids(), seenByApp.Ids());
    }

    [Fact]
    public async Task Unfollowing_my_own_playlist_hides_it_following_again_restores_it_and_other_followers_keep_it()
    {
        var setup = await SetUpAsync();
        using (var follow = await setup.Other.Client.PutAsync($"/v1/playlists/{setup.Public}/followers", null))
        {
            Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        }
        Assert.Equal(1, (await setup.Owner.Client.GetOkAsync($"/v1/playlists/{setup.Public}", "/playlists/{playlist_id}")).GetProperty("followers").Int("total"));

        using var unfollow = await setup.Owner.Client.DeleteAsync($"/v1/playlists/{setup.Public}/followers");
        Assert.Equal(HttpStatusCode.OK, unfollow.StatusCode);
        Assert.DoesNotContain(setup.Public, (await setup.Owner.Client.GetOkAsync("/v1/me/playlists", "/me/playlists")).Ids());
        Assert.Contains(setup.Public, (await setup.Other.Client.GetOkAsync("/v1/me/playlists", "/me/playlists")).Ids());
        var stillThere = await setup.Other.Client.GetOkAsync($"/v1/playlists/{setup.Public}", "/playlists/{playlist_id}");
        Assert.Equal(setup.Owner.Id, stillThere.GetProperty("owner").Str("id"));

        using var again = await setup.Owner.Client.PutAsync($"/v1/playlists/{setup.Public}/followers", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(setup.Public, (await setup.Owner.Client.GetOkAsync("/v1/me/playlists", "/me/playlists")).Ids()[0]);
    }

    [Fact]
    public async Task Follower_totals_count_real_followers_but_not_the_owner()
    {
        var setup = await SetUpAsync();
        using var third = await PlaylistUser.CreateAsync(server);

        Assert.Equal(1, (await setup.Owner.Client.GetOkAsync($"/v1/playlists/{setup.OthersPublic}", "/playlists/{playlist_id}")).GetProperty("followers").Int("total"));
        using (var follow = await third.Client.PutAsync($"/v1/playlists/{setup.OthersPublic}/followers", null))
        {
            Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        }
        using (var twice = await third.Client.PutAsync($"/v1/playlists/{setup.OthersPublic}/followers", null))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        }
        Assert.Equal(2, (await setup.Owner.Client.GetOkAsync($"/v1/playlists/{setup.OthersPublic}", "/playlists/{playlist_id}")).GetProperty("followers").Int("total"));
        using (var unfollow = await setup.Other.Client.DeleteAsync($"/v1/playlists/{setup.OthersPublic}/followers"))
        {
            Assert.Equal(HttpStatusCode.OK, unfollow.StatusCode);
        }
        Assert.Equal(2, (await setup.Owner.Client.GetOkAsync($"/v1/playlists/{setup.OthersPublic}", "/playlists/{playlist_id}")).GetProperty("followers").Int("total"));
    }

    [Fact]
    public async Task Checking_who_follows_shows_public_follows_to_anyone_and_private_ones_only_to_the_follower_with_read_private()
    {
        var setup = await SetUpAsync();
        using (var privately = await setup.Other.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{setup.Public}/followers", new { @public = false }))
        {
            Assert.Equal(HttpStatusCode.OK, privately.StatusCode);
        }
        using var withoutReadPrivate = await setup.Other.ClientWithAsync();
        using var app = await server.CreateAppClientAsync();
        var url = $"/v1/playlists/{setup.Public}/followers/contains";

        Assert.True((await setup.Owner.Client.GetOkAsync($"{url}?ids={setup.Owner.Id}", "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.True((await app.GetOkAsync($"{url}?ids={setup.Owner.Id}", "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.False((await setup.Owner.Client.GetOkAsync($"{url}?ids={setup.Other.Id}", "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.True((await setup.Other.Client.GetOkAsync($"{url}?ids={setup.Other.Id}", "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.True((await setup.Other.Client.GetOkAsync(url, "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.False((await withoutReadPrivate.GetOkAsync(url, "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        Assert.True((await app.GetOkAsync($"/v1/users/{setup.Owner.Id}/playlists/{setup.Public}/followers/contains?ids={setup.Owner.Id}",
            "/playlists/{playlist_id}/followers/contains"))[0].GetBoolean());
        await app.AssertBadRequestAsync(url, "Missing user ids");
        await app.AssertBadRequestAsync($"{url}?ids=a,b", "Too many ids requested");
        await app.AssertErrorAsync($"/v1/playlists/{CatalogPicks.UnknownId}/followers/contains?ids=a", HttpStatusCode.NotFound, "Resource not found");
    }

    [Theory]
    [InlineData(null, "playlist-modify-public", true)]
    [InlineData(null, "playlist-modify-private", false)]
    [InlineData(false, "playlist-modify-private", true)]
    [InlineData(false, "playlist-modify-public", false)]
    public async Task Following_needs_the_modify_scope_of_the_follows_visibility(bool? isPublic, string scope, bool allowed)
    {
        var setup = await SetUpAsync();
        using var client = await setup.Other.ClientWithAsync(scope);

        using var response = await client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{setup.Public}/followers", isPublic is null ? null : new { @public = isPublic });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await SpotifySpec.AssertMatchesAsync(response, "PUT", "/playlists/{playlist_id}/followers");
        }
        else
        {
            await ErrorAssert.IsAsync(response, 403, "Insufficient client scope");
        }
    }

    [Fact]
    public async Task Unfollowing_needs_a_modify_scope_and_following_an_unknown_playlist_is_404()
    {
        var setup = await SetUpAsync();
        using var readOnly = await setup.Owner.ClientWithAsync("playlist-read-private");

        using var noScope = await readOnly.DeleteAsync($"/v1/playlists/{setup.Public}/followers");
        using var wrongScope = await (await setup.Owner.ClientWithAsync("playlist-modify-private")).DeleteAsync($"/v1/playlists/{setup.Public}/followers");
        using var unknown = await setup.Owner.Client.PutAsync($"/v1/playlists/{CatalogPicks.UnknownId}/followers", null);
        using var badJson = await setup.Owner.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{setup.Public}/followers", "{\"public\":");
        using var unfollow = await setup.Owner.Client.DeleteAsync($"/v1/playlists/{setup.Private}/followers");

        await ErrorAssert.IsAsync(noScope, 403, "Insufficient client scope");
        await ErrorAssert.IsAsync(wrongScope, 403, "Insufficient client scope");
        await ErrorAssert.IsAsync(unknown, 404, "Resource not found");
        await ErrorAssert.IsAsync(badJson, 400, "Malformed json");
        Assert.Equal(HttpStatusCode.OK, unfollow.StatusCode);
        await SpotifySpec.AssertMatchesAsync(unfollow, "DELETE", "/playlists/{playlist_id}/followers");
    }

    [Fact]
    public async Task Lists_page_within_their_bounds_and_an_unknown_user_is_404()
    {
        var setup = await SetUpAsync();

        var all = await setup.Owner.Client.WalkPagesAsync(server.BaseAddress, "/v1/me/playlists?offset=0&limit=1", "/me/playlists");

        Assert.Equal(4, all.Count);
        await setup.Owner.Client.AssertBadRequestAsync("/v1/me/playlists?limit=51", "Invalid limit");
        await setup.Owner.Client.AssertBadRequestAsync("/v1/me/playlists?offset=100001", "Invalid offset");
        await setup.Owner.Client.GetOkAsync("/v1/me/playlists?limit=50&offset=100000", "/me/playlists");
        await setup.Owner.Client.AssertErrorAsync("/v1/users/nobody-of-that-name/playlists", HttpStatusCode.NotFound, "Resource not found");
        using var app = await server.CreateAppClientAsync();
        await app.AssertErrorAsync("/v1/me/playlists", HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task The_spotify_users_list_holds_the_editorial_playlists()
    {
        using var app = await server.CreateAppClientAsync();

        var list = await app.GetOkAsync("/v1/users/spotify/playlists?limit=50", "/users/{user_id}/playlists");

        Assert.True(list.Int("total") > 10);
        Assert.All(list.Array(), p => Assert.Equal("spotify", p.GetProperty("owner").Str("id")));
    }
}
