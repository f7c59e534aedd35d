using System.Collections.Concurrent;
using System.Net;
using Jukebox.Api.Playlists;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>A server with a listener that records which playlists it was told about.</summary>
public sealed class ListeningServer : JukeboxTestServer
{
    public RecordingListener Listener { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPlaylistChangeListener>(Listener);

    public sealed class RecordingListener : IPlaylistChangeListener
    {
        public ConcurrentQueue<string> Changed { get; } = new();

        public Task OnPlaylistChangedAsync(string playlistId, CancellationToken cancellationToken = default)
        {
            Changed.Enqueue(playlistId);
            return Task.CompletedTask;
        }
    }
}

public sealed class PlaylistChangeListenerTests(ListeningServer server) : IClassFixture<ListeningServer>
{
    [Fact]
    public async Task Listeners_hear_of_a_playlist_when_it_is_created_renamed_or_changed_and_not_when_a_change_fails()
    {
        var uris = (await server.CatalogAsync()).TrackUris(1);
        using var user = await PlaylistUser.CreateAsync(server);

        var id = await user.CreatePlaylistAsync();
        Assert.Equal([id], server.Listener.Changed);
        using (var rename = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { name = "Renamed" }))
        {
            Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        }
        await user.AddAsync(id, uris);
        using (var failed = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { @public = true, collaborative = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        Assert.Equal([id, id, id], server.Listener.Changed);
    }
}
