using System.Net;
using System.Text.Json.Nodes;
using Jukebox.Api.Tests.Http;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Spotify's limit of 10,000 items per playlist.</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistSizeLimitTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_playlist_takes_10000_items_and_refuses_the_next_add_on_both_paths()
    {
        var hundred = (await server.CatalogAsync()).TrackUris(100);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        for (var i = 0; i < 100; i++)
        {
            await user.AddAsync(id, hundred);
        }
        var full = await PlaylistState.ReadAsync(user.Client, id);
        Assert.Equal(10_000, full.Total);

        foreach (var path in new[] { "tracks", "items" })
        {
            using var refused = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/{path}", new { uris = hundred[..1] });
            await PlaylistState.AssertSizeLimitAsync(refused, path);
        }

        Assert.Equal(full, await PlaylistState.ReadAsync(user.Client, id));
    }
}

/// <summary>A server whose playlists hold at most <see cref="MaxItems"/> items.</summary>
public sealed class SmallPlaylistLimitServer : JukeboxTestServer
{
    public const int MaxItems = 5;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Playlists:MaxItems", MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>The limit as configured (<c>Playlists:MaxItems</c>), here 5.</summary>
public sealed class ConfiguredPlaylistSizeLimitTests(SmallPlaylistLimitServer server) : IClassFixture<SmallPlaylistLimitServer>
{
    [Fact]
    public async Task An_add_beyond_the_slots_left_adds_nothing_and_one_that_fills_them_is_accepted()
    {
        var uris = (await server.CatalogAsync()).TrackUris(6);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..3]);
        var before = await PlaylistState.ReadAsync(user.Client, id);

        using var tooMany = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = uris[3..6], position = 0 });

        await PlaylistState.AssertSizeLimitAsync(tooMany, "items");
        Assert.Equal(before, await PlaylistState.ReadAsync(user.Client, id));
        Assert.Equal(uris[..3], await user.UrisAsync(id));
        Assert.Equal(1, await ChangesLoggedAsync(id));

        await user.AddAsync(id, uris[3..5]);

        Assert.Equal(uris[..5], await user.UrisAsync(id));
        Assert.Equal(2, await ChangesLoggedAsync(id));
    }

    [Fact]
    public async Task A_full_playlist_can_still_be_reordered_emptied_and_replaced_up_to_the_limit()
    {
        var uris = (await server.CatalogAsync()).TrackUris(6);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..5]);

        using var reorder = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 0, insert_before = 5 });
        using var remove = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { tracks = new[] { new { uri = uris[0] } } });
        await user.AddAsync(id, uris[5..6]);
        using var replaceTooMany = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { uris });
        var afterRefusal = await user.UrisAsync(id);
        using var replace = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { uris = uris[..5] });

        Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        await ErrorAssert.IsAsync(replaceTooMany, 403, "Playlist size limit reached");
        Assert.Equal([uris[1], uris[2], uris[3], uris[4], uris[5]], afterRefusal);
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        Assert.Equal(uris[..5], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Adds_at_the_same_time_never_pass_the_limit_together()
    {
        var uris = (await server.CatalogAsync()).TrackUris(12);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        // Twelve adds of one item at once: each is checked against the count the one before it left.
        using var start = new SemaphoreSlim(0);
        var adds = uris.Select(uri => Task.Run(async () =>
        {
            await start.WaitAsync();
            using var response = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = new[] { uri } });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await PlaylistState.AssertSizeLimitAsync(response, "items");
            }
            return response.StatusCode;
        })).ToList();
        start.Release(adds.Count);
        var statuses = await Task.WhenAll(adds);

        Assert.Equal(SmallPlaylistLimitServer.MaxItems, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(SmallPlaylistLimitServer.MaxItems, (await PlaylistState.ReadAsync(user.Client, id)).Total);
        Assert.Equal(SmallPlaylistLimitServer.MaxItems, await ChangesLoggedAsync(id));
    }

    private async Task<int> ChangesLoggedAsync(string playlistId)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().PlaylistChanges.CountAsync(c => c.PlaylistId == playlistId);
    }
}

/// <summary>What a client sees of a playlist's size and version, and the size limit's refusal.</summary>
internal sealed record PlaylistState(int Total, string SnapshotId)
{
    public static async Task<PlaylistState> ReadAsync(HttpClient client, string playlistId)
    {
        var playlist = await client.GetOkAsync($"/v1/playlists/{playlistId}", "/playlists/{playlist_id}");
        return new PlaylistState(playlist.GetProperty("tracks").Int("total"), playlist.Str("snapshot_id"));
    }

    /// <summary>Fails unless an add to /{path} was refused with exactly Spotify's error object, as the spec describes it.</summary>
    public static async Task AssertSizeLimitAsync(HttpResponseMessage response, string path)
    {
        var body = await response.Content.ReadAsStringAsync();
        var expected = new JsonObject { ["error"] = new JsonObject { ["status"] = 403, ["message"] = "Playlist size limit reached" } };
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden && JsonNode.DeepEquals(expected, JsonNode.Parse(body)),
            $"expected 403 {expected.ToJsonString()} but got {(int)response.StatusCode} {body}");
        await SpotifySpec.AssertMatchesAsync(response, "POST", $"/playlists/{{playlist_id}}/{path}");
    }
}
