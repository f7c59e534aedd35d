using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>A client that fires several player commands at once gets every one applied, never a 500.</summary>
[Collection(CatalogServer.Name)]
public sealed class ConcurrentCommandTests(JukeboxTestServer server)
{
    private const int AtOnce = 16;
    private const int Rounds = 10;

    [Fact]
    public async Task Sixteen_items_queued_at_once_are_all_queued()
    {
        var catalog = await server.CatalogAsync();
        var album = catalog.PlainAlbum();
        var tracks = catalog.LongestAlbum().Tracks.Take(AtOnce).Select(t => t.Id).ToList();
        for (var round = 1; round <= Rounds; round++)
        {
            using var user = await PlayerUser.CreateAsync(server);
            await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

            var answers = await Task.WhenAll(tracks.Select(async id =>
            {
                using var response = await user.SendAsync(HttpMethod.Post, $"/v1/me/player/queue?uri=spotify:track:{id}");
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }));

            Assert.All(answers, answer => Assert.Equal($"{(int)HttpStatusCode.NoContent} ", answer));
            var queue = await user.GetAsync("/v1/me/player/queue", "/me/player/queue");
            Assert.Equal(tracks.Order(StringComparer.Ordinal), queue.Array("queue").Take(AtOnce).Select(i => i.Str("id")).Order(StringComparer.Ordinal));
        }
    }
}
