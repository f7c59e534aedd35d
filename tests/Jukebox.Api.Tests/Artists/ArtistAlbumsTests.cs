using Jukebox.Testing;

namespace Jukebox.Api.Tests.Artists;

[Collection(CatalogServer.Name)]
public sealed class ArtistAlbumsTests(JukeboxTestServer server)
{
    private static readonly string[] GroupOrder = ["album", "single", "compilation", "appears_on"];

    [Fact]
    public async Task Walking_an_artists_albums_gives_each_once_grouped_and_newest_first()
    {
        var artist = Routes.ArtistWithMostAlbums(await server.CatalogAsync());
        Assert.True(artist.OwnAlbums.Count > 10, "The artist has more albums than one page holds.");
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/artists/{artist.Id}/albums?offset=0&limit=3", "/artists/{id}/albums");

        Assert.Equal(artist.OwnAlbums.Select(a => a.Id).Order(StringComparer.Ordinal), items.Select(a => a.Str("id")).Order(StringComparer.Ordinal));
        var groups = items.Select(a => Array.IndexOf(GroupOrder, a.Str("album_group"))).ToList();
        Assert.Equal(groups.Order(), groups);
        foreach (var group in items.GroupBy(a => a.Str("album_group")))
        {
            var dates = group.Select(a => a.Str("release_date")).ToList();
            Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        }
        Assert.All(items, a => Assert.Equal(a.Str("album_type"), a.Str("album_group")));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("album,compilation")]
    [InlineData("single,album")]
    public async Task Include_groups_lists_only_albums_of_those_groups(string includeGroups)
    {
        var wanted = includeGroups.Split(',');
        var artist = (await server.CatalogAsync()).Artists.Values.OrderByDescending(a => a.OwnAlbums.Count).ThenBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.OwnAlbums.Any(al => !wanted.Contains(al.AlbumType)) && a.OwnAlbums.Count(al => wanted.Contains(al.AlbumType)) > 1);
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress,
            $"/v1/artists/{artist.Id}/albums?offset=0&limit=4&include_groups={Uri.EscapeDataString(includeGroups)}", "/artists/{id}/albums");

        var expected = artist.OwnAlbums.Where(a => wanted.Contains(a.AlbumType)).Select(a => a.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, items.Select(a => a.Str("id")).Order(StringComparer.Ordinal));
        Assert.All(items, a => Assert.Contains(a.Str("album_group"), wanted));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("JP")]
    public async Task With_a_market_an_artists_albums_are_only_those_available_there(string market)
    {
        var artist = (await server.CatalogAsync()).Artists.Values.OrderByDescending(a => a.OwnAlbums.Count).ThenBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.OwnAlbums.Any(al => al.Markets.Contains(market)) && a.OwnAlbums.Any(al => !al.Markets.Contains(market)));
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/artists/{artist.Id}/albums?offset=0&limit=10&market={market}", "/artists/{id}/albums");

        var expected = artist.OwnAlbums.Where(a => a.Markets.Contains(market)).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEqual(artist.OwnAlbums.Count, expected.Count);
        Assert.Equal(expected, items.Select(a => a.Str("id")).Order(StringComparer.Ordinal));
        Assert.All(items, a => Assert.True(a.GetProperty("is_playable").GetBoolean()));
    }
}
