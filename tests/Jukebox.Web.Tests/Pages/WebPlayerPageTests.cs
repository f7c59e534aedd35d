using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Api.Player;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The web player page in Chromium: a device while open, following API commands within a second.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class WebPlayerPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly LocatorAssertionsToHaveTextOptions WithinASecond = new() { Timeout = 1_000 };

    private async Task<HttpClient> ApiAsync() => server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(
        JukeboxTestServer.DemoUserId, "user-read-playback-state", "user-modify-playback-state"));

    private static async Task<List<JsonElement>> DevicesAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/v1/me/player/devices")).GetProperty("devices").EnumerateArray()];

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

    [Fact]
    public async Task The_page_is_a_device_shows_what_the_api_plays_and_its_buttons_control_playback()
    {
        var album = (await server.CatalogAsync()).Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.Tracks.Length > 3 && a.Markets.Contains("US") && a.Tracks.All(t => t.Markets.Contains("US")));
        using var api = await ApiAsync();
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();

        await page.OpenAsync("/player");
        await Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        var deviceId = await page.Locator("body").GetAttributeAsync("data-device-id");
        var device = (await DevicesAsync(api)).Single(d => d.GetProperty("id").GetString() == deviceId);
        Assert.Equal("Jukebox Web Player", device.GetProperty("name").GetString());
        Assert.Equal("Computer", device.GetProperty("type").GetString());

        // A command through the API shows on the page within a second.
        await SendAsync(api, HttpMethod.Put, $"/v1/me/player/play?device_id={deviceId}", $$"""{"context_uri":"spotify:album:{{album.Id}}"}""");
        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[0].Name, WithinASecond);
        await Expect(page.Locator("#artists")).ToHaveTextAsync(string.Join(", ", album.Tracks[0].Artists.Select(a => a.Name)), WithinASecond);
        await Expect(page.Locator("#play-pause")).ToHaveTextAsync("Pause", WithinASecond);
        await Expect(page.Locator("#device-status")).ToHaveTextAsync("Playing on this web player.", WithinASecond);
        Assert.Contains($"/images/album/{album.Id}/", await page.Locator("#cover").GetAttributeAsync("src"));
        await BrowserServer.ScreenshotAsync(page, "web-player-playing");

        // The progress bar moves while playing.
        var before = int.Parse(await page.Locator("#progress").GetAttributeAsync("aria-valuenow") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("#progress")).Not.ToHaveAttributeAsync("aria-valuenow", before.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await SendAsync(api, HttpMethod.Put, "/v1/me/player/pause");
        await Expect(page.Locator("#play-pause")).ToHaveTextAsync("Play", WithinASecond);
        await SendAsync(api, HttpMethod.Post, "/v1/me/player/next");
        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[1].Name, WithinASecond);

        // The page's own buttons.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[2].Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Play", Exact = true }).ClickAsync();
        await Expect(page.Locator("#play-pause")).ToHaveTextAsync("Pause");
        var state = await api.GetFromJsonAsync<JsonElement>("/v1/me/player");
        Assert.Equal(album.Tracks[2].Id, state.GetProperty("item").GetProperty("id").GetString());
        Assert.True(state.GetProperty("is_playing").GetBoolean());
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous", Exact = true }).ClickAsync();
        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[1].Name);

        // Closing the page removes the device and stops playback on it.
        using (var listener = server.Services.GetRequiredService<IPlayerNotifier>().Listen(JukeboxTestServer.DemoUserId))
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await page.CloseAsync();
            while ((await DevicesAsync(api)).Any(d => d.GetProperty("id").GetString() == deviceId))
            {
                await listener.WaitAsync(timeout.Token);
            }
        }
        Assert.DoesNotContain(await DevicesAsync(api), d => d.GetProperty("id").GetString() == deviceId);
        using var after = await api.GetAsync("/v1/me/player");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, after.StatusCode);
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        var page = await server.NewPageAsync();

        await page.OpenAsync("/player");

        Assert.Contains("/login", page.Url);
    }
}
