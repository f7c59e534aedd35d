using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Browse;

[Collection(CatalogServer.Name)]
public sealed class NewReleasesCountryTests(JukeboxTestServer server)
{
    [Fact]
    public async Task New_releases_for_a_country_list_only_albums_available_there()
    {
        var catalog = await server.CatalogAsync();
        var unavailable = catalog.NewReleases.Where(a => !a.Markets.Contains("US")).Select(a => a.Id).ToHashSet();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync("/v1/browse/new-releases?country=US&limit=50", "/browse/new-releases");

        var ids = body.GetProperty("albums").GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(ids, unavailable.Contains);
        Assert.Equal(catalog.NewReleases.Count(a => a.Markets.Contains("US")), body.GetProperty("albums").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_country_is_400()
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorAsync("/v1/browse/new-releases?country=XX", HttpStatusCode.BadRequest, "Invalid market code");
    }
}
