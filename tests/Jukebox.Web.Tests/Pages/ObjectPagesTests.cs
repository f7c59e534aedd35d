using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// Where the API's <c>external_urls.spotify</c> links lead, in Chromium: a page for every kind of
/// object, with its cover and contents, that loads nothing that fails, and plays on the web player.
/// </summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class ObjectPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    /// <summary>The external URL, name and kind of one object of every type, as the API returns them.</summary>
    private async Task<List<(string Url, string Name, string Kind)>> ObjectsAsync()
    {
        var catalog = await server.CatalogAsync();
        using var api = server.CreateClient(await server.NewClientTokenAsync());
        var album = catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.AlbumType == "album" && a.Tracks.Length > 2);
        var show = catalog.Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        var book = catalog.Audiobooks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).First();
        var featured = await api.GetFromJsonAsync<JsonElement>("/v1/browse/featured-playlists?limit=1");
        string[] paths =
        [
            $"/v1/albums/{album.Id}", $"/v1/artists/{album.Artists[0].Id}", $"/v1/tracks/{album.Tracks[0].Id}", $"/v1/shows/{show.Id}",
            $"/v1/episodes/{show.Episodes[0].Id}", $"/v1/audiobooks/{book.Id}", $"/v1/chapters/{book.Chapters[0].Id}",
            $"/v1/playlists/{featured.GetProperty("playlists").GetProperty("items")[0].GetProperty("id").GetString()}",
        ];
        var objects = new List<(string, string, string)>();
        foreach (var path in paths)
        {
            var body = await api.GetFromJsonAsync<JsonElement>(path);
            objects.Add((body.GetProperty("external_urls").GetProperty("spotify").GetString()!, body.GetProperty("name").GetString()!, body.GetProperty("type").GetString()!));
            if (body.TryGetProperty("owner", out var owner))
            {
                objects.Add((owner.GetProperty("external_urls").GetProperty("spotify").GetString()!, owner.GetProperty("display_name").GetString()!, "user"));
            }
        }
        return objects;
    }

    [Fact]
    public async Task Every_external_url_of_the_api_opens_a_page_of_its_object_that_loads_nothing_that_fails()
    {
        var page = await server.NewPageAsync();
        var problems = new PageProblems(page, server.BaseAddress);

        foreach (var (url, name, kind) in await ObjectsAsync())
        {
            var response = await page.OpenAsync(new Uri(url).PathAndQuery);
            Assert.True(response!.Ok, $"{url} ({kind}) answered {response.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
            if (kind != "user")
            {
                await Expect(page.Locator("#play")).ToBeVisibleAsync();
                // The cover was served and decoded.
                Assert.True(await page.Locator("#cover").EvaluateAsync<int>("img => img.naturalWidth") > 0, $"The cover of {url} did not load.");
            }
            if (kind is "album" or "playlist" or "show" or "audiobook" or "user" or "artist")
            {
                Assert.True(await page.Locator("#rows tr").CountAsync() > 0, $"{url} lists nothing.");
            }
        }
        await BrowserServer.ScreenshotAsync(page, "object-page");
        problems.AssertNone();
    }

    [Fact]
    public async Task An_albums_page_links_its_tracks_and_artists_and_an_unknown_object_is_not_found()
    {
        var album = (await server.CatalogAsync()).Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.Tracks.Length > 2);
        var page = await server.NewPageAsync();

        await page.OpenAsync($"/open/album/{album.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = album.Tracks[1].Name, Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = album.Tracks[1].Name, Exact = true })).ToBeVisibleAsync();
        await page.Locator("#byline a").First.ClickAsync();
        await Expect(page.Locator("#kind")).ToHaveTextAsync("Artist");
        var missing = await page.OpenAsync($"/open/album/{CatalogMissingId}");

        Assert.Equal(404, missing!.Status);
    }

    private const string CatalogMissingId = "0000000000000000000000";

    [Fact]
    public async Task Play_on_an_albums_page_plays_it_on_the_web_player()
    {
        var album = (await server.CatalogAsync()).Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.Tracks.Length > 1 && a.Markets.Contains("US") && a.Tracks.All(t => t.Markets.Contains("US")));
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();

        await page.OpenAsync($"/open/album/{album.Id}");
        await page.Locator("#play").ClickAsync();

        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[0].Name);
        await Expect(page.Locator("#device-status")).ToHaveTextAsync("Playing on this web player.");
        Assert.EndsWith("/player", page.Url);
    }
}
