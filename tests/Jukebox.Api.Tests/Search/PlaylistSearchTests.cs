using Jukebox.Api.Playlists;
using Jukebox.Api.Search;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Search;

/// <summary>The playlists service calls <see cref="IPlaylistChangeListener"/> after each commit; these tests stand in for it.</summary>
[Collection(CatalogServer.Name)]
public sealed class PlaylistSearchTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Playlists_created_and_renamed_through_the_api_are_searchable_at_once_and_private_ones_never()
    {
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "playlist-modify-public", "playlist-modify-private");
        using var client = server.CreateClient(token);
        async Task<string> CreateThroughApiAsync(string name, bool isPublic)
        {
            using var created = await client.PostAsync("/v1/me/playlists", System.Net.Http.Json.JsonContent.Create(new { name, @public = isPublic }));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            return System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        var shown = await CreateThroughApiAsync("Axolotl Evenings", isPublic: true);
        await CreateThroughApiAsync("Axolotl Secrets", isPublic: false);

        Assert.Equal([shown], (await server.SearchAsync("axolotl", "playlist")).GetProperty("playlists").Ids());

        using (var renamed = await client.PutAsync($"/v1/playlists/{shown}", System.Net.Http.Json.JsonContent.Create(new { name = "Capybara Evenings" })))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, renamed.StatusCode);
        }
        Assert.Empty((await server.SearchAsync("axolotl", "playlist")).GetProperty("playlists").Array());
        Assert.Equal([shown], (await server.SearchAsync("capybara", "playlist")).GetProperty("playlists").Ids());
    }

    [Fact]
    public async Task A_public_playlist_is_found_as_soon_as_it_is_created_and_under_its_new_name_once_renamed()
    {
        var id = await CreateAsync("Quokka Anthems", "songs for a sunny zanzibar morning", isPublic: true);

        var found = (await server.SearchAsync("quokka", "playlist")).GetProperty("playlists");
        Assert.Equal([id], found.Ids());
        Assert.Equal("Quokka Anthems", found.Array()[0].Str("name"));
        Assert.Equal(JukeboxTestServer.DemoUserId, found.Array()[0].GetProperty("owner").Str("id"));
        Assert.Equal([id], (await server.SearchAsync("zanzibar", "playlist")).GetProperty("playlists").Ids());

        await UpdateAsync(id, p => p.Name = "Wombat Anthems");

        Assert.Empty((await server.SearchAsync("quokka", "playlist")).GetProperty("playlists").Array());
        Assert.Equal([id], (await server.SearchAsync("wombat", "playlist")).GetProperty("playlists").Ids());
    }

    [Fact]
    public async Task A_private_playlist_never_appears_and_one_made_private_disappears()
    {
        var hidden = await CreateAsync("Secret Pangolin Mix", null, isPublic: false);
        var shown = await CreateAsync("Open Pangolin Mix", null, isPublic: true);

        Assert.Equal([shown], (await server.SearchAsync("pangolin", "playlist")).GetProperty("playlists").Ids());

        await UpdateAsync(shown, p => p.Public = false);
        Assert.Empty((await server.SearchAsync("pangolin", "playlist")).GetProperty("playlists").Array());

        await UpdateAsync(hidden, p => p.Public = true);
        Assert.Equal([hidden], (await server.SearchAsync("pangolin", "playlist")).GetProperty("playlists").Ids());
    }

    [Fact]
    public async Task A_deleted_playlist_disappears()
    {
        var id = await CreateAsync("Narwhal Nights", null, isPublic: true);
        Assert.Single((await server.SearchAsync("narwhal", "playlist")).GetProperty("playlists").Array());

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            await db.Playlists.Where(p => p.Id == id).ExecuteDeleteAsync();
        }
        await server.Services.GetRequiredService<IPlaylistChangeListener>().OnPlaylistChangedAsync(id);

        Assert.Empty((await server.SearchAsync("narwhal", "playlist")).GetProperty("playlists").Array());
    }

    private async Task<string> CreateAsync(string name, string? description, bool isPublic)
    {
        await server.SearchReadyAsync();
        var id = Guid.NewGuid().ToString("N")[..22];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            db.Playlists.Add(new Playlist
            {
                Id = id, OwnerId = JukeboxTestServer.DemoUserId, Name = name, Description = description, Public = isPublic,
                SnapshotId = "AAAAAQ", CreatedAt = server.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        await server.Services.GetRequiredService<IPlaylistChangeListener>().OnPlaylistChangedAsync(id);
        return id;
    }

    private async Task UpdateAsync(string id, Action<Playlist> change)
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            change(await db.Playlists.SingleAsync(p => p.Id == id));
            await db.SaveChangesAsync();
        }
        await server.Services.GetRequiredService<IPlaylistChangeListener>().OnPlaylistChangedAsync(id);
    }
}
