using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>Top tracks and artists from the listening history, per time range.</summary>
[Collection(CatalogServer.Name)]
public sealed class TopItemsTests(JukeboxTestServer server)
{
    /// <summary>Plays <paramref name="track"/> <paramref name="times"/> times to the end (repeat track), then pauses.</summary>
    private static async Task ListenAsync(PlayerUser user, string device, CatalogTrack track, int times)
    {
        await user.PlayAsync($$"""{"uris":["spotify:track:{{track.Id}}"]}""", device);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=track");
        await user.AdvanceAsync(track.DurationMs / 1000.0 * times + 1);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");
    }

    private static async Task<List<string>> TopAsync(PlayerUser user, string type, string range) =>
        (await user.GetAsync($"/v1/me/top/{type}?time_range={range}", $"/me/top/{type}")).Ids();

    [Fact]
    public async Task Each_time_range_counts_the_plays_it_covers()
    {
        var catalog = await server.CatalogAsync();
        var albums = catalog.Albums.Values.Where(a => a.Artists.Length == 1 && a.Tracks.All(t => t.Artists.Length == 1 && t.Artists[0] == a.Artists[0]))
            .DistinctBy(a => a.Artists[0]).OrderBy(a => a.Id, StringComparer.Ordinal).Take(3).ToList();
        var (old, middle, recent) = (albums[0].Tracks[0], albums[1].Tracks[0], albums[2].Tracks[0]);
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();

        await ListenAsync(user, device, old, 4);
        await user.AdvanceAsync(TimeSpan.FromDays(200).TotalSeconds);
        await ListenAsync(user, device, middle, 3);
        await user.AdvanceAsync(TimeSpan.FromDays(60).TotalSeconds);
        await ListenAsync(user, device, recent, 2);

        Assert.Equal([recent.Id], await TopAsync(user, "tracks", "short_term"));
        Assert.Equal([middle.Id, recent.Id], await TopAsync(user, "tracks", "medium_term"));
        Assert.Equal([old.Id, middle.Id, recent.Id], await TopAsync(user, "tracks", "long_term"));
        Assert.Equal([middle.Id, recent.Id], (await user.GetAsync("/v1/me/top/tracks", "/me/top/tracks")).Ids());
        Assert.Equal([recent.Artists[0].Id], await TopAsync(user, "artists", "short_term"));
        Assert.Equal([old.Artists[0].Id, middle.Artists[0].Id, recent.Artists[0].Id], await TopAsync(user, "artists", "long_term"));

        await user.AdvanceAsync(TimeSpan.FromDays(120).TotalSeconds);
        Assert.Equal([middle.Id, recent.Id], await TopAsync(user, "tracks", "long_term"));
    }

    [Fact]
    public async Task The_demo_user_has_top_items_in_every_range_and_they_page()
    {
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-top-read");
        using var client = server.CreateClient(token);

        foreach (var range in (string[])["short_term", "medium_term", "long_term"])
        {
            var tracks = await client.GetOkAsync($"/v1/me/top/tracks?time_range={range}", "/me/top/tracks");
            var artists = await client.GetOkAsync($"/v1/me/top/artists?time_range={range}", "/me/top/artists");
            Assert.NotEmpty(tracks.Array());
            Assert.NotEmpty(artists.Array());
        }
        var walked = await client.WalkPagesAsync(server.BaseAddress, "/v1/me/top/tracks?offset=0&limit=7&time_range=long_term", "/me/top/tracks");
        var whole = await client.GetOkAsync("/v1/me/top/tracks?time_range=long_term&limit=50", "/me/top/tracks");
        Assert.Equal(whole.Ids().Take(walked.Count), walked.Take(50).Select(t => t.Str("id")));
    }

    [Theory]
    [InlineData("/v1/me/top/tracks?time_range=forever", "Invalid time range")]
    [InlineData("/v1/me/top/artists?time_range=SHORT_TERM", "Invalid time range")]
    [InlineData("/v1/me/top/tracks?limit=0", "Invalid limit")]
    [InlineData("/v1/me/top/artists?limit=51", "Invalid limit")]
    [InlineData("/v1/me/top/tracks?offset=-1", "Invalid offset")]
    public async Task Bad_parameters_are_400(string url, string message)
    {
        using var user = await PlayerUser.CreateAsync(server);

        await user.Http.AssertBadRequestAsync(url, message);
    }
}
