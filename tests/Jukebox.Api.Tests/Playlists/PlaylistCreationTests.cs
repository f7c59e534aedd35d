using System.Net;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

[Collection(PlaylistServer.Name)]
public sealed class PlaylistCreationTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_new_playlist_is_public_not_collaborative_empty_and_owned_by_the_caller()
    {
        using var user = await PlaylistUser.CreateAsync(server);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Road trip", description = "Songs for the car" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "POST", "/me/playlists");
        var playlist = await response.JsonAsync();
        Assert.True(playlist.GetProperty("public").GetBoolean());
        Assert.False(playlist.GetProperty("collaborative").GetBoolean());
        Assert.Equal("Road trip", playlist.Str("name"));
        Assert.Equal("Songs for the car", playlist.Str("description"));
        Assert.Equal(user.Id, playlist.GetProperty("owner").Str("id"));
        Assert.Equal(0, playlist.GetProperty("tracks").Int("total"));
        Assert.Equal(0, playlist.GetProperty("followers").Int("total"));
        Assert.Empty(playlist.Array("images"));
        Assert.Equal($"spotify:playlist:{playlist.Str("id")}", playlist.Str("uri"));
        Assert.False(string.IsNullOrEmpty(playlist.Str("snapshot_id")));
    }

    [Fact]
    public async Task Creating_for_oneself_by_user_id_works_and_for_someone_else_is_403()
    {
        using var user = await PlaylistUser.CreateAsync(server);

        using var own = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/users/{user.Id}/playlists", new { name = "Mine" });
        using var other = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/users/{JukeboxTestServer.DemoUserId}/playlists", new { name = "Theirs" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await SpotifySpec.AssertMatchesAsync(own, "POST", "/users/{user_id}/playlists");
        await ErrorAssert.IsAsync(other, 403, "You cannot create a playlist for another user");
    }

    [Theory]
    [InlineData(null, "playlist-modify-public", true)]
    [InlineData(null, "playlist-modify-private", false)]
    [InlineData(true, "playlist-modify-private", false)]
    [InlineData(false, "playlist-modify-private", true)]
    [InlineData(false, "playlist-modify-public", false)]
    public async Task The_scope_creation_needs_follows_the_public_flag(bool? isPublic, string scope, bool allowed)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        using var client = await user.ClientWithAsync(scope);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Scoped", @public = isPublic });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            await ErrorAssert.IsAsync(response, 403, "Insufficient client scope");
        }
    }

    [Fact]
    public async Task A_collaborative_playlist_needs_both_modify_scopes_and_must_be_private()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        using var privateOnly = await user.ClientWithAsync("playlist-modify-private");

        using var missingScope = await privateOnly.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Band", @public = false, collaborative = true });
        using var both = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Band", @public = true, collaborative = true });
        using var publicByDefault = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Band", collaborative = true });
        using var ok = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Band", @public = false, collaborative = true });

        await ErrorAssert.IsAsync(missingScope, 403, "Insufficient client scope");
        await ErrorAssert.IsAsync(both, 400, "A playlist cannot be both public and collaborative");
        await ErrorAssert.IsAsync(publicByDefault, 400, "A playlist cannot be both public and collaborative");
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.True((await ok.JsonAsync()).GetProperty("collaborative").GetBoolean());
    }

    [Theory]
    [InlineData("{\"description\":\"no name\"}", "Missing required field: name")]
    [InlineData("", "Missing required field: name")]
    [InlineData("{\"name\":", "Malformed json")]
    [InlineData("{\"name\":\"x\",\"public\":\"yes\"}", "Malformed json")]
    [InlineData("{\"name\":\"\"}", "Playlist name is too long")]
    public async Task Bad_bodies_are_400(string body, string message)
    {
        using var user = await PlaylistUser.CreateAsync(server);

        using var response = await user.Client.SendRawAsync(HttpMethod.Post, "/v1/me/playlists", body);

        await ErrorAssert.IsAsync(response, 400, message);
    }

    [Fact]
    public async Task Creating_with_an_app_token_is_401()
    {
        using var client = await server.CreateAppClientAsync();

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "x" });

        await ErrorAssert.IsAsync(response, 401, "Unauthorized");
    }

    [Fact]
    public async Task A_description_over_300_characters_is_400()
    {
        using var user = await PlaylistUser.CreateAsync(server);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "x", description = new string('d', 301) });
        using var longest = await user.Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "x", description = new string('d', 300) });

        await ErrorAssert.IsAsync(response, 400, "Playlist description is too long");
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
    }
}
