using System.Text.Json;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Browse;

/// <summary>The playlists and albums the Browse tab lists: a category's playlists, featured playlists, new releases.</summary>
[Collection(CatalogServer.Name)]
public sealed class BrowseListsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Walking_a_categorys_playlists_gives_each_once_in_the_categorys_order()
    {
        var expected = await CategoryPlaylistIdsAsync("rock");
        Assert.True(expected.Count > 2, "The rock category has more playlists than one page of two.");
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/browse/categories/rock/playlists?offset=0&limit=2",
            "/browse/categories/{category_id}/playlists", b => b.GetProperty("playlists"));

        Assert.Equal(expected, items.Select(p => p.Str("id")));
        Assert.All(items, AssertEditorialPlaylist);
    }

    [Fact]
    public async Task Walking_the_featured_playlists_gives_each_once()
    {
        using var client = await server.CreateAppClientAsync();

        var first = await client.GetOkAsync("/v1/browse/featured-playlists", "/browse/featured-playlists");
        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/browse/featured-playlists?offset=0&limit=4",
            "/browse/featured-playlists", b => b.GetProperty("playlists"));

        Assert.False(string.IsNullOrEmpty(first.Str("message")));
        Assert.Equal(first.GetProperty("playlists").Int("total"), items.Count);
        Assert.Equal(items.Count, items.Select(p => p.Str("id")).Distinct().Count());
        Assert.Contains("Today's Top Hits", items.Select(p => p.Str("name")));
        Assert.All(items, AssertEditorialPlaylist);
    }

    [Fact]
    public async Task Walking_the_new_releases_gives_the_newest_albums_once_newest_first()
    {
        var releases = (await server.CatalogAsync()).NewReleases;
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/browse/new-releases?offset=0&limit=50", "/browse/new-releases", b => b.GetProperty("albums"));

        Assert.Equal(releases.Select(a => a.Id), items.Select(a => a.Str("id")));
        var dates = items.Select(a => a.Str("release_date")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        Assert.True(DateOnly.Parse(dates[0], System.Globalization.CultureInfo.InvariantCulture) > today.AddDays(-14), $"The newest release is recent: {dates[0]}.");
    }

    private static void AssertEditorialPlaylist(JsonElement playlist)
    {
        Assert.Equal("playlist", playlist.Str("type"));
        Assert.Equal($"spotify:playlist:{playlist.Str("id")}", playlist.Str("uri"));
        Assert.Equal("spotify", playlist.GetProperty("owner").Str("id"));
        Assert.True(playlist.GetProperty("tracks").Int("total") > 0);
    }

    private async Task<List<string>> CategoryPlaylistIdsAsync(string categoryId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.CategoryPlaylists.Where(cp => cp.CategoryId == categoryId).OrderBy(cp => cp.Position).Select(cp => cp.PlaylistId).ToListAsync();
    }
}
