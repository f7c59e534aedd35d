using System.Net;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Many clients changing one playlist at once, on the test database (SQLite or PostgreSQL).</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistConcurrencyTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Twenty_clients_adding_at_once_lose_nothing_and_every_snapshot_is_new()
    {
        const int clients = 20;
        const int perClient = 3;
        var uris = (await server.CatalogAsync()).TrackUris(clients * perClient);
        using var owner = await PlaylistUser.CreateAsync(server);
        var id = await owner.CreatePlaylistAsync("Party", isPublic: false, collaborative: true);
        var guests = new List<PlaylistUser>();
        for (var i = 0; i < clients; i++)
        {
            var guest = await PlaylistUser.CreateAsync(server);
            using var join = await guest.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/followers", new { @public = false });
            Assert.Equal(HttpStatusCode.OK, join.StatusCode);
            guests.Add(guest);
        }
        var initial = await owner.SnapshotAsync(id);

        // Each client adds its items one request after another (some at the start, most at the end),
        // all clients at the same time; each remembers the snapshot every add produced.
        using var start = new SemaphoreSlim(0);
        var work = guests.Select((guest, g) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var produced = new List<string>();
            for (var k = 0; k < perClient; k++)
            {
                produced.Add(await guest.AddAsync(id, [uris[g * perClient + k]], position: k == 1 ? 0 : null));
            }
            return produced;
        })).ToList();
        start.Release(clients);
        var snapshots = (await Task.WhenAll(work)).SelectMany(s => s).ToList();

        var final = await owner.UrisAsync(id);
        Assert.Equal(uris.Order(StringComparer.Ordinal), final.Order(StringComparer.Ordinal));
        Assert.Equal(clients * perClient, snapshots.Distinct().Count());
        Assert.DoesNotContain(initial, snapshots);
        Assert.Contains(await owner.SnapshotAsync(id), snapshots);

        // Replaying the accepted changes in snapshot order (each snapshot names its version) gives the
        // final order: every add was applied on top of the one before it.
        var (adds, logged) = await ChangesInOrderAsync(id, owner);
        Assert.Equal(logged.Order(StringComparer.Ordinal), snapshots.Order(StringComparer.Ordinal));
        var replayed = new List<string>();
        foreach (var (uri, position) in adds)
        {
            replayed.Insert(position ?? replayed.Count, uri);
        }
        Assert.Equal(final, replayed);
        foreach (var guest in guests)
        {
            guest.Dispose();
        }
    }

    /// <summary>Each accepted add as the change log recorded it, in version order, with the uri it added.</summary>
    private async Task<(List<(string Uri, int? Position)> Adds, List<string> Snapshots)> ChangesInOrderAsync(string playlistId, PlaylistUser owner)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var changes = await db.PlaylistChanges.Where(c => c.PlaylistId == playlistId).OrderBy(c => c.Version).ToListAsync();
        var byVersion = (await db.PlaylistItems.Where(i => i.PlaylistId == playlistId).ToListAsync())
            .ToDictionary(i => i.AddedInVersion, i => $"spotify:track:{i.TrackId}");
        var result = new List<(string, int?)>();
        foreach (var change in changes)
        {
            Assert.Equal(PlaylistChangeKind.Insert, change.Kind);
            result.Add((byVersion[change.Version], change.Index));
        }
        Assert.Equal(await owner.SnapshotAsync(playlistId), PlaylistSnapshots.IdOf(playlistId, result.Count));
        return (result, changes.Select(c => PlaylistSnapshots.IdOf(playlistId, c.Version)).ToList());
    }
}
