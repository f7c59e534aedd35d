using System.Text;
using Jukebox.Api.Catalog;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The web player page plays a track imported from an audio file itself, following the playback.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class WebPlayerAudioTests(BrowserServer server) : IClassFixture<BrowserServer>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jukebox-audio-page-tests", Guid.NewGuid().ToString("N"));

    private const string Audio = "document.getElementById('audio')";

    [Fact]
    public async Task The_page_plays_the_file_pauses_and_seeks_with_the_playback()
    {
        var album = $"Page Album {Guid.NewGuid():N}";
        TestAudioFiles.Write(Path.Combine(_folder, "song.mp3"), TestAudioFiles.SilentMp3(TimeSpan.FromSeconds(60)), tag =>
        {
            tag.Title = "Heard";
            tag.Album = album;
            tag.Performers = ["Page Artist"];
            tag.Track = 1;
        });
        Assert.Equal(0, await ImportCommandLine.RunAsync(server, _folder));
        var catalog = await server.Services.GetRequiredService<CatalogSync>().ChangedHereAsync();
        var track = catalog.Albums.Values.Single(a => a.Name == album).Tracks.Single().Id;
        using var api = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(
            JukeboxTestServer.DemoUserId, "user-read-playback-state", "user-modify-playback-state"));
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();
        await page.OpenAsync("/player");
        await Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        var deviceId = await page.Locator("body").GetAttributeAsync("data-device-id");

        await SendAsync(api, HttpMethod.Put, $"/v1/me/player/play?device_id={deviceId}", $$"""{"uris":["spotify:track:{{track}}"]}""");
        await Expect(page.Locator("#title")).ToHaveTextAsync("Heard");
        Assert.Equal($"/player/audio/{track}", await page.Locator("#audio").GetAttributeAsync("src"));
        // The browser loads the file (range requests) and plays it: its clock moves.
        await page.WaitForFunctionAsync($"() => {Audio}.error === null && !{Audio}.paused && {Audio}.currentTime > 0.5");

        await SendAsync(api, HttpMethod.Put, "/v1/me/player/pause");
        await page.WaitForFunctionAsync($"() => {Audio}.paused");
        await SendAsync(api, HttpMethod.Put, "/v1/me/player/seek?position_ms=40000");
        await page.WaitForFunctionAsync($"() => {Audio}.currentTime >= 39.5 && {Audio}.currentTime < 41");
        await SendAsync(api, HttpMethod.Put, "/v1/me/player/play");
        await page.WaitForFunctionAsync($"() => !{Audio}.paused && {Audio}.currentTime > 40.2");
        Assert.Equal("", await page.Locator("#player-error").TextContentAsync());

        // A track of the demo catalog has no file: the element goes quiet.
        var other = catalog.Albums.Values.First(a => a.Name != album && a.Markets.Contains("US")).Tracks[0];
        await SendAsync(api, HttpMethod.Put, $"/v1/me/player/play?device_id={deviceId}", $$"""{"uris":["spotify:track:{{other.Id}}"]}""");
        await Expect(page.Locator("#title")).ToHaveTextAsync(other.Name);
        Assert.Null(await page.Locator("#audio").GetAttributeAsync("src"));
    }

    private static async Task SendAsync(HttpClient api, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
