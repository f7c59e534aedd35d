using System.Net;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>
/// Fixtures that carry <c>images</c>: kept as given and served back exactly (in nested objects too),
/// refused with the reason when an image is not one; a body without images serves the generated covers.
/// </summary>
public sealed class ImageFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static readonly object[] Cdn =
    [
        new { url = "https://i.scdn.co/image/ab67616d0000b273c0ffee00c0ffee00c0ffee00", height = 640, width = 640 },
        new { url = "https://i.scdn.co/image/ab67616d00004851c0ffee00c0ffee00c0ffee00", height = (int?)null, width = (int?)null },
    ];

    private static readonly string CdnJson = JsonSerializer.Serialize(Cdn);

    [Fact]
    public async Task An_album_and_an_artist_with_images_are_answered_with_them_on_GET_in_their_tracks_and_after_a_full_reload()
    {
        var artist = await _calls.CreateAsync("artists", new { name = "Pictured", images = Cdn });
        var created = await _calls.PostAsync("albums", new
        {
            name = "Pictured Album", artists = new[] { new { id = artist } }, release_date = "2023-01-02", images = Cdn,
            tracks = new { items = new[] { FixtureCalls.Track(artist, "Pictured Song") } },
        });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(CdnJson, Images(created.Json));
        var trackId = created.Json.GetProperty("tracks").GetProperty("items")[0].GetProperty("id").GetString()!;
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/tracks/{trackId}")).Json.GetProperty("album")));
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/artists/{artist}")).Json));
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/artists/{artist}/albums")).Json.GetProperty("items")[0]));

        // The catalog read again whole, as a node does when it starts.
        await server.Services.GetRequiredService<CatalogStore>().ReloadAsync();
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/albums/{created.Id}")).Json));
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/artists/{artist}")).Json));
    }

    [Fact]
    public async Task A_replacement_without_images_serves_the_generated_covers_again()
    {
        var id = await _calls.CreateAsync("artists", new { name = "Repainted", images = Cdn });

        var replaced = await _calls.PutAsync("artists", id, new { name = "Repainted" });

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal($"{server.BaseAddress}images/artist/{id}/640", replaced.Json.GetProperty("images")[0].GetProperty("url").GetString());
        Assert.Equal(replaced.Text, (await _calls.GetAsync($"/v1/artists/{id}")).Text);
    }

    [Fact]
    public async Task Episodes_and_chapters_have_their_own_images_or_else_their_show_or_audiobook_ones()
    {
        var (own, plain) = (FixtureCalls.NewId(), FixtureCalls.NewId());
        var episodeImages = new[] { new { url = "http://images.example.com/episode.jpg", height = 300, width = 300 } };
        var show = await _calls.CreateAsync("shows", new
        {
            name = "Pictured Show", publisher = "P", description = "D", images = Cdn,
            episodes = new { items = new object[] { new { id = own, name = "Own", description = "D", duration_ms = 1000, release_date = "2024-05-18", images = episodeImages }, FixtureCalls.Episode("Plain", plain) } },
        });
        var book = await _calls.CreateAsync("audiobooks", new
        {
            name = "Pictured Book", authors = new[] { new { name = "A" } }, publisher = "P", description = "D", images = Cdn,
            chapters = new { items = new[] { FixtureCalls.Chapter("One") } },
        });

        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/shows/{show}")).Json));
        Assert.Equal(JsonSerializer.Serialize(episodeImages), Images((await _calls.GetAsync($"/v1/episodes/{own}")).Json));
        var plainEpisode = (await _calls.GetAsync($"/v1/episodes/{plain}")).Json;
        Assert.Equal(CdnJson, Images(plainEpisode));
        Assert.Equal(CdnJson, Images(plainEpisode.GetProperty("show")));
        var chapter = (await _calls.GetAsync($"/v1/audiobooks/{book}")).Json.GetProperty("chapters").GetProperty("items")[0];
        Assert.Equal(CdnJson, Images(chapter));
        Assert.Equal(CdnJson, Images((await _calls.GetAsync($"/v1/chapters/{chapter.GetProperty("id").GetString()}")).Json));
    }

    [Theory]
    [InlineData("""[{"height":64,"width":64}]""", "images[0].url is required")]
    [InlineData("""[{"url":"/images/album/x/640","height":64,"width":64}]""", "images[0].url must be an absolute http or https URL")]
    [InlineData("""[{"url":"data:image/png;base64,AAAA"}]""", "images[0].url must be an absolute http or https URL")]
    [InlineData("""[{"url":"https://i.scdn.co/a","height":64,"width":64},{"url":"https://i.scdn.co/b","height":64,"width":-3}]""", "images[1].width must be 0 or more")]
    [InlineData("""[null]""", "images[0] must be an image object")]
    public async Task A_bad_image_is_a_400_with_the_reason_and_nothing_is_written(string images, string message)
    {
        var id = FixtureCalls.NewId();
        var artist = await _calls.ArtistAsync();

        var answer = await _calls.PostAsync("albums", $$$"""
            {"id":"{{{id}}}","name":"Bad art","artists":[{"id":"{{{artist}}}"}],"images":{{{images}}}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/albums/{id}")).Status);
    }

    [Fact]
    public async Task An_image_of_the_wrong_shape_is_malformed_json()
    {
        var answer = await _calls.PostAsync("artists", """{"name":"Bad","images":[{"url":"https://i.scdn.co/a","height":"tall"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Malformed json", answer.Message);
    }

    private static string Images(JsonElement item) => item.GetProperty("images").GetRawText();
}
