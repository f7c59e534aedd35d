using Jukebox.Testing;

namespace Jukebox.Api.Tests.Recommendations;

[Collection(CatalogServer.Name)]
public sealed class GenreSeedsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task The_genre_seeds_include_every_genre_an_artist_carries()
    {
        var catalog = await server.CatalogAsync();
        using var client = await server.CreateAppClientAsync();

        var genres = (await client.GetOkAsync("/v1/recommendations/available-genre-seeds", "/recommendations/available-genre-seeds")).Strings("genres");

        Assert.Equal(genres.Count, genres.Distinct().Count());
        Assert.All(genres, g => Assert.Matches("^[a-z0-9-]+$", g));
        Assert.Superset(catalog.Artists.Values.SelectMany(a => a.Genres).ToHashSet(), genres.ToHashSet());
    }
}
