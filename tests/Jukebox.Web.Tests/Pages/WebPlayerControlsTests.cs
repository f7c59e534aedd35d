using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// The web player's controls beyond play and skip, in Chromium: shuffle, repeat, volume, a seek bar
/// you can click or move with the keyboard, the device list with transfer, the queue and recently
/// played; each checked through the Web API, as an app would see it.
/// </summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class WebPlayerControlsTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private async Task<HttpClient> ApiAsync() => server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(
        JukeboxTestServer.DemoUserId, "user-read-playback-state", "user-modify-playback-state", "user-read-recently-played"));

    private static async Task<JsonElement> PlayerAsync(HttpClient api) => await api.GetFromJsonAsync<JsonElement>("/v1/me/player");

    /// <summary>Polls the Web API until the page's command has landed (the page sends it on its own time).</summary>
    private static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, $"Still not true after 15 s: {what}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Shuffle_repeat_volume_seek_devices_queue_and_history_work_from_the_page()
    {
        var album = (await server.CatalogAsync()).Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.Tracks.Length > 3 && a.Markets.Contains("US") && a.Tracks.All(t => t.Markets.Contains("US") && t.DurationMs > 60_000));
        using var api = await ApiAsync();
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();
        var problems = new PageProblems(page, server.BaseAddress);
        await page.OpenAsync("/player");
        await Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        var deviceId = await page.Locator("body").GetAttributeAsync("data-device-id");
        using var play = await api.PutAsync($"/v1/me/player/play?device_id={deviceId}",
            new StringContent($$"""{"context_uri":"spotify:album:{{album.Id}}"}""", Encoding.UTF8, "application/json"));
        play.EnsureSuccessStatusCode();
        await Expect(page.Locator("#title")).ToHaveTextAsync(album.Tracks[0].Name);

        // The queue lists what comes next.
        await Expect(page.Locator("#queue li").First).ToContainTextAsync(album.Tracks[1].Name);

        await page.Locator("#shuffle").ClickAsync();
        await Expect(page.Locator("#shuffle")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True((await PlayerAsync(api)).GetProperty("shuffle_state").GetBoolean());

        await page.Locator("#repeat").ClickAsync();
        await Expect(page.Locator("#repeat")).ToHaveTextAsync("Repeat: context");
        Assert.Equal("context", (await PlayerAsync(api)).GetProperty("repeat_state").GetString());

        await page.Locator("#volume").FillAsync("30");
        await HoldsAsync(async () => (await PlayerAsync(api)).GetProperty("device").GetProperty("volume_percent").GetInt32() == 30, "the volume is 30");

        // A click at the middle of the bar seeks there; the keyboard moves it on.
        var bar = await page.Locator("#progress").BoundingBoxAsync();
        await page.Mouse.ClickAsync(bar!.X + bar.Width / 2, bar.Y + bar.Height / 2);
        var half = album.Tracks[0].DurationMs / 2;
        await HoldsAsync(async () => Math.Abs((await PlayerAsync(api)).GetProperty("progress_ms").GetInt64() - half) < album.Tracks[0].DurationMs / 20, "playback is at the middle");
        await page.Locator("#progress").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await HoldsAsync(async () => (await PlayerAsync(api)).GetProperty("progress_ms").GetInt64() > half + 3_000, "playback moved on by five seconds");

        // Listened long enough, skipped: it shows under recently played.
        server.Clock.Advance(TimeSpan.FromSeconds(40));
        await page.Locator("#next").ClickAsync();
        await Expect(page.Locator("#recent li").First).ToContainTextAsync(album.Tracks[0].Name);

        // Another device of the user's: "Play here" moves playback to it.
        using var sandbox = server.CreateClient();
        using var added = await sandbox.PostAsJsonAsync($"/sandbox/users/{JukeboxTestServer.DemoUserId}/devices", new { name = "Kitchen speaker", type = "Speaker" });
        added.EnsureSuccessStatusCode();
        // Any change of playback brings the page the device list again.
        using var repeat = await api.PutAsync("/v1/me/player/repeat?state=off", null);
        repeat.EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Play on Kitchen speaker" }).ClickAsync();
        await Expect(page.Locator("#device-status")).ToHaveTextAsync("Playing on Kitchen speaker.");
        Assert.Equal("Kitchen speaker", (await PlayerAsync(api)).GetProperty("device").GetProperty("name").GetString());
        await BrowserServer.ScreenshotAsync(page, "web-player-controls");
        problems.AssertNone();
    }
}
