using System.Security.Cryptography;
using System.Text;
using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>
/// The demo user's player on a fresh server: three devices and a year of listening, so that
/// recently played and top items have something to show. Deterministic for a given catalog and day.
/// </summary>
public static class DemoListening
{
    public sealed record PlayableTrack(string Id, string AlbumId, int DurationMs);

    public static List<PlayerDevice> Devices(string userId, DateTimeOffset now) =>
    [
        Device(userId, "Jukebox Computer", "Computer", 70, true, now),
        Device(userId, "Jukebox Smartphone", "Smartphone", 85, true, now.AddMilliseconds(1)),
        Device(userId, "Living Room Speaker", "Speaker", null, false, now.AddMilliseconds(2)),
    ];

    private static PlayerDevice Device(string userId, string name, string type, int? volume, bool supportsVolume, DateTimeOffset createdAt) => new()
    {
        // Stable ids: a script can keep using the demo user's devices across restarts and reseeds.
        Id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{userId}/{name}"))),
        UserId = userId,
        Name = name,
        Type = type,
        VolumePercent = volume,
        SupportsVolume = supportsVolume,
        CreatedAt = createdAt,
    };

    /// <summary>
    /// Listening sessions over the last year: a few tracks in album order from one album at a time.
    /// Taste moves with time (different favourite albums in the last 4 weeks, the months before, and
    /// the rest of the year), so the three top-item ranges differ.
    /// </summary>
    public static List<PlayHistoryEntry> History(string userId, DateTimeOffset now, IReadOnlyList<PlayableTrack> tracks)
    {
        var history = new List<PlayHistoryEntry>();
        var albums = tracks.GroupBy(t => t.AlbumId).Where(g => g.Count() >= 3)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        if (albums.Count == 0)
        {
            return history;
        }
        var random = new Random(20261102);
        var favourites = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 6).Select(_ => albums[random.Next(albums.Count)]).ToList()).ToList();
        for (var daysAgo = 364; daysAgo >= 0; daysAgo--)
        {
            var era = daysAgo < 28 ? 0 : daysAgo < 182 ? 1 : 2;
            if (random.NextDouble() > (era == 0 ? 0.9 : 0.45))
            {
                continue;
            }
            var album = random.NextDouble() < 0.75 ? favourites[era][random.Next(6)] : albums[random.Next(albums.Count)];
            var at = now.AddDays(-daysAgo - 1).AddMinutes(random.Next(8 * 60, 22 * 60));
            var start = random.Next(album.Count);
            var count = Math.Min(album.Count - start, random.Next(2, 8));
            foreach (var track in album.Skip(start).Take(count))
            {
                at = at.AddMilliseconds(track.DurationMs);
                if (at < now)
                {
                    history.Add(new PlayHistoryEntry { UserId = userId, TrackId = track.Id, ContextUri = $"spotify:album:{track.AlbumId}", PlayedAt = at });
                }
            }
        }
        return history;
    }
}
