using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>Episodes remember where the user stopped; the episode and show endpoints show it with user-read-playback-position.</summary>
[Collection(CatalogServer.Name)]
public sealed class ResumePointTests(JukeboxTestServer server)
{
    private async Task<CatalogShow> ShowAsync() =>
        (await server.CatalogAsync()).Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First(s => s.Episodes.Length >= 2);

    [Fact]
    public async Task A_paused_episode_shows_where_it_stopped_and_a_finished_one_is_fully_played()
    {
        var show = await ShowAsync();
        var (first, second) = (show.Episodes[0], show.Episodes[1]);
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();

        await user.PlayAsync($$"""{"uris":["spotify:episode:{{first.Id}}","spotify:episode:{{second.Id}}"],"position_ms":60000}""", device);
        await user.AdvanceAsync(30);
        var live = await user.GetAsync($"/v1/episodes/{first.Id}", "/episodes/{id}");
        await user.AdvanceAsync(first.DurationMs / 1000.0 - 90 + 45);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");

        var finished = await user.GetAsync($"/v1/episodes/{first.Id}", "/episodes/{id}");
        var paused = await user.GetAsync($"/v1/episodes/{second.Id}", "/episodes/{id}");
        var episodes = await user.GetAsync($"/v1/shows/{show.Id}/episodes", "/shows/{id}/episodes");
        var showBody = await user.GetAsync($"/v1/shows/{show.Id}", "/shows/{id}");

        Assert.Equal(90_000, live.GetProperty("resume_point").Int("resume_position_ms"));
        Assert.False(live.GetProperty("resume_point").GetProperty("fully_played").GetBoolean());
        Assert.True(finished.GetProperty("resume_point").GetProperty("fully_played").GetBoolean());
        Assert.Equal(45_000, paused.GetProperty("resume_point").Int("resume_position_ms"));
        Assert.False(paused.GetProperty("resume_point").GetProperty("fully_played").GetBoolean());
        Assert.Equal(45_000, episodes.Array().Single(e => e.Str("id") == second.Id).GetProperty("resume_point").Int("resume_position_ms"));
        Assert.True(showBody.GetProperty("episodes").Array().Single(e => e.Str("id") == first.Id).GetProperty("resume_point").GetProperty("fully_played").GetBoolean());
        var untouched = episodes.Array().First(e => e.Str("id") != first.Id && e.Str("id") != second.Id).GetProperty("resume_point");
        Assert.Equal(0, untouched.Int("resume_position_ms"));
    }

    [Fact]
    public async Task Playing_an_episode_again_starts_at_its_resume_point()
    {
        var show = await ShowAsync();
        var episode = show.Episodes[0];
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();
        await user.PlayAsync($$"""{"uris":["spotify:episode:{{episode.Id}}"]}""", device);
        await user.AdvanceAsync(100);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");

        await user.PlayAsync($$"""{"context_uri":"spotify:show:{{show.Id}}"}""", device);

        Assert.Equal(100_000, (await user.RequireStateAsync()).GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task Saved_episodes_show_their_resume_points()
    {
        var episode = (await ShowAsync()).Episodes[0];
        using var user = await PlayerUser.CreateAsync(server, scopes: [.. PlayerUser.AllScopes, "user-library-read", "user-library-modify"]);
        using (var save = await user.SendAsync(HttpMethod.Put, $"/v1/me/episodes?ids={episode.Id}"))
        {
            Assert.True(save.IsSuccessStatusCode);
        }
        await user.PlayAsync($$"""{"uris":["spotify:episode:{{episode.Id}}"],"position_ms":1000}""", await user.AddDeviceAsync());
        await user.AdvanceAsync(20);

        var saved = await user.GetAsync("/v1/me/episodes", "/me/episodes");

        Assert.Equal(21_000, saved.Array()[0].GetProperty("episode").GetProperty("resume_point").Int("resume_position_ms"));
    }

    [Fact]
    public async Task Without_the_scope_or_with_an_app_token_there_is_no_resume_point()
    {
        var show = await ShowAsync();
        using var user = await PlayerUser.CreateAsync(server);
        using var withoutScope = await user.ClientWithScopesAsync("user-read-playback-state");
        using var app = await server.CreateAppClientAsync();

        var forUser = await withoutScope.GetOkAsync($"/v1/episodes/{show.Episodes[0].Id}", "/episodes/{id}");
        var forApp = await app.GetOkAsync($"/v1/shows/{show.Id}/episodes", "/shows/{id}/episodes");
        var withScope = await user.GetAsync($"/v1/episodes?ids={show.Episodes[0].Id}", "/episodes");

        Assert.False(forUser.Has("resume_point"));
        Assert.DoesNotContain(forApp.Array(), e => e.Has("resume_point"));
        Assert.True(withScope.Array("episodes")[0].Has("resume_point"));
    }
}
