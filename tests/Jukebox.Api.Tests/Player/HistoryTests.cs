using System.Globalization;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>Recently played: what enters it (30 seconds of play), exactly once, with its context; cursor paging.</summary>
[Collection(CatalogServer.Name)]
public sealed class HistoryTests(JukeboxTestServer server)
{
    private static async Task<JsonElement> RecentAsync(PlayerUser user, string query = "") =>
        await user.GetAsync("/v1/me/player/recently-played" + query, "/me/player/recently-played");

    private static List<string> TrackIds(JsonElement page) => [.. page.Array().Select(i => i.GetProperty("track").Str("id"))];

    [Fact]
    public async Task A_track_enters_the_history_after_30_seconds_of_play_once_with_its_context_and_end_time()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.AdvanceAsync(29);
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/next");   // track 0: 29 s, not recorded
        await user.AdvanceAsync(20);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/seek?position_ms=0");
        await user.AdvanceAsync(10);
        var skippedAt = server.Clock.GetUtcNow();
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/next");   // track 1: 30 s played (seeking does not count)

        var history = await RecentAsync(user);
        var again = await RecentAsync(user);

        var entry = Assert.Single(history.Array());
        Assert.Equal(album.Tracks[1].Id, entry.GetProperty("track").Str("id"));
        Assert.Equal($"spotify:album:{album.Id}", entry.GetProperty("context").Str("uri"));
        Assert.Equal(history.ToString(), again.ToString());
        Assert.EndsWith("Z", entry.Str("played_at"));
        Assert.True(DateTimeOffset.Parse(entry.Str("played_at"), CultureInfo.InvariantCulture) > skippedAt);
    }

    [Fact]
    public async Task Tracks_that_ended_while_nobody_looked_are_each_recorded_once()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        await user.AdvanceAsync(album.Tracks.Take(3).Sum(t => t.DurationMs) / 1000.0 + 1);
        var first = await RecentAsync(user);
        await user.AdvanceAsync(1);
        var second = await RecentAsync(user);

        Assert.Equal([album.Tracks[2].Id, album.Tracks[1].Id, album.Tracks[0].Id], TrackIds(first));
        Assert.Equal(TrackIds(first), TrackIds(second));
        var playedAt = first.Array().Select(i => DateTimeOffset.Parse(i.Str("played_at"), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(album.Tracks[2].DurationMs, (playedAt[0] - playedAt[1]).TotalMilliseconds);
    }

    [Fact]
    public async Task Readers_arriving_together_record_each_play_once()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.AdvanceAsync(album.Tracks.Take(4).Sum(t => t.DurationMs) / 1000.0 + 1);

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await user.Http.GetAsync(i % 2 == 0 ? "/v1/me/player" : "/v1/me/player/recently-played");
            return response.StatusCode;
        }));

        Assert.All(reads, status => Assert.Equal(System.Net.HttpStatusCode.OK, status));
        Assert.Equal(album.Tracks.Take(4).Reverse().Select(t => t.Id), TrackIds(await RecentAsync(user)));
    }

    [Fact]
    public async Task Episodes_do_not_enter_the_history()
    {
        var show = (await server.CatalogAsync()).Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAsync($$"""{"uris":["spotify:episode:{{show.Episodes[0].Id}}"]}""", await user.AddDeviceAsync());

        await user.AdvanceAsync(show.Episodes[0].DurationMs / 1000.0 + 1);

        Assert.Empty((await RecentAsync(user)).Array());
    }

    [Fact]
    public async Task The_history_pages_backwards_with_before_and_forwards_with_after()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.AdvanceAsync(album.Tracks.Take(5).Sum(t => t.DurationMs) / 1000.0 + 1);
        var all = TrackIds(await RecentAsync(user));
        Assert.Equal(album.Tracks.Take(5).Reverse().Select(t => t.Id), all);

        var walked = new List<string>();
        var page = await RecentAsync(user, "?limit=2");
        while (true)
        {
            walked.AddRange(TrackIds(page));
            Assert.Equal(2, page.Int("limit"));
            var next = page.GetProperty("next").GetString();
            if (next is null)
            {
                break;
            }
            Assert.Equal(page.GetProperty("cursors").Str("before"), System.Web.HttpUtility.ParseQueryString(new Uri(next).Query)["before"]);
            page = await RecentAsync(user, new Uri(next).Query);
        }
        Assert.Equal(all, walked);

        var newest = await RecentAsync(user, "?limit=2");
        var oldestTwo = await RecentAsync(user, $"?limit=2&before={newest.GetProperty("cursors").Str("before")}");
        var afterOldest = await RecentAsync(user, $"?limit=2&after={oldestTwo.GetProperty("cursors").Str("before")}");
        Assert.Equal(all[2..4], TrackIds(oldestTwo));
        Assert.Equal(all[1..3], TrackIds(afterOldest));
        Assert.Empty((await RecentAsync(user, $"?after={newest.GetProperty("cursors").Str("after")}")).Array());
    }

    [Theory]
    [InlineData("?limit=0", "Invalid limit")]
    [InlineData("?limit=51", "Invalid limit")]
    [InlineData("?before=1&after=2", "Only one of the parameters before and after can be set")]
    [InlineData("?before=yesterday", "Invalid before")]
    [InlineData("?after=-3", "Invalid after")]
    public async Task Bad_paging_parameters_are_400(string query, string message)
    {
        using var user = await PlayerUser.CreateAsync(server);

        await user.Http.AssertBadRequestAsync("/v1/me/player/recently-played" + query, message);
    }

    [Fact]
    public async Task The_demo_user_has_a_seeded_history()
    {
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-read-recently-played");
        using var client = server.CreateClient(token);

        var page = await client.GetOkAsync("/v1/me/player/recently-played?limit=50", "/me/player/recently-played", null);

        Assert.Equal(50, page.Array().Count);
        Assert.NotNull(page.GetProperty("next").GetString());
    }
}
