using System.Globalization;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// An editorial playlist fixture checked and turned into its row and entries. Shared by the sandbox's
/// playlist fixtures and the import: both check the entries' tracks and episodes against the database
/// (<see cref="RequireEntriesAsync"/>) inside their transaction.
/// </summary>
internal static class PlaylistRows
{
    /// <summary>The owner of every editorial playlist.</summary>
    public const string Owner = DemoCatalogGenerator.SpotifyUserId;

    /// <summary>As long as a snapshot id may be: Spotify's are about 56 characters.</summary>
    private const int MaxSnapshotIdLength = 128;

    /// <summary>The checked details, with Version and item count still to be set by the caller.</summary>
    public static Playlist From(PlaylistFixture body, string id)
    {
        FixtureRules.TypeIs(body.Type, "playlist");
        if (body.Owner?.Id is { } owner && owner != Owner)
        {
            throw FixtureRules.Invalid($"owner must be {Owner}: catalog playlists are editorial (a user's playlist is made through the Web API)");
        }
        if (body.Public == false || body.Collaborative == true)
        {
            throw FixtureRules.Invalid("An editorial playlist is public and not collaborative");
        }
        if (body.SnapshotId is { } snapshot && (snapshot.Length is 0 or > MaxSnapshotIdLength || snapshot.Any(char.IsWhiteSpace)))
        {
            throw FixtureRules.Invalid($"snapshot_id must be 1 to {MaxSnapshotIdLength} characters without spaces");
        }
        return new Playlist
        {
            Id = id,
            OwnerId = Owner,
            Name = FixtureRules.Name(body.Name),
            Description = body.Description ?? "",
            Public = true,
            SnapshotId = body.SnapshotId ?? "",
        };
    }

    /// <summary>Whether the body lists entries (<c>items</c>, or <c>tracks</c>); without, a replace keeps the stored ones.</summary>
    public static IReadOnlyList<PlaylistEntryFixture?>? EntriesOf(PlaylistFixture body) => body.Items?.Items ?? body.Tracks?.Items;

    /// <summary>The entries as rows of <paramref name="playlistId"/>, in order, with fresh sort keys; when not dated, added <paramref name="now"/>.</summary>
    public static List<PlaylistItem> Entries(string playlistId, IReadOnlyList<PlaylistEntryFixture?> entries, long version, DateTimeOffset now)
    {
        var keys = SortKeys.Fresh(entries.Count);
        var rows = new List<PlaylistItem>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"items.items[{i}]";
            var entry = entries[i] ?? throw FixtureRules.Invalid($"{field} must be a playlist item object");
            var playable = entry.Item ?? entry.Track ?? throw FixtureRules.Invalid($"{field} must name a track or an episode in item (or track)");
            var (trackId, episodeId, localUri) = Playable(playable, field);
            rows.Add(new PlaylistItem
            {
                PlaylistId = playlistId,
                Position = keys[i],
                TrackId = trackId,
                EpisodeId = episodeId,
                LocalUri = localUri,
                AddedAt = AddedAt(entry.AddedAt, field, now),
                AddedById = Owner,
                AddedInVersion = version,
            });
        }
        return rows;
    }

    /// <summary>Every track and episode the entries name must be in the catalog (400 naming the first that is not).</summary>
    public static async Task RequireEntriesAsync(JukeboxDbContext db, List<PlaylistItem> rows, CancellationToken ct)
    {
        var trackIds = rows.Select(r => r.TrackId).OfType<string>().Distinct().ToList();
        var episodeIds = rows.Select(r => r.EpisodeId).OfType<string>().Distinct().ToList();
        var tracks = await db.Tracks.Where(t => trackIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var episodes = await db.Episodes.Where(e => episodeIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        if (trackIds.Except(tracks).FirstOrDefault() is { } track)
        {
            throw FixtureRules.Invalid($"Unknown track id {track}");
        }
        if (episodeIds.Except(episodes).FirstOrDefault() is { } episode)
        {
            throw FixtureRules.Invalid($"Unknown episode id {episode}");
        }
    }

    /// <summary>Spotify's user, made with the first editorial playlist of a catalog that has none (an imported one).</summary>
    public static async Task EnsureOwnerAsync(JukeboxDbContext db, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == Owner, ct))
        {
            db.Users.Add(DemoCatalogGenerator.SpotifyUser());
        }
    }

    private static (string? TrackId, string? EpisodeId, string? LocalUri) Playable(PlayableFixture playable, string field)
    {
        if (playable.Uri is { } uri && uri.StartsWith("spotify:local:", StringComparison.Ordinal))
        {
            return LocalFile.TryParse(uri, out _) ? (null, null, uri) : throw FixtureRules.Invalid($"{field}: {uri} is not a local file's uri");
        }
        string type, id;
        if (playable.Uri is not null)
        {
            if (!SpotifyIds.TryParseUri(playable.Uri, out type, out id))
            {
                throw FixtureRules.Invalid($"{field}: {playable.Uri} is not a Spotify uri");
            }
        }
        else
        {
            type = playable.Type ?? throw FixtureRules.Invalid($"{field} needs a uri, or an id and a type");
            id = FixtureRules.RequireId(playable.Id ?? throw FixtureRules.Invalid($"{field} needs a uri, or an id and a type"));
        }
        return type switch
        {
            "track" => (id, null, null),
            "episode" => (null, id, null),
            _ => throw FixtureRules.Invalid($"{field} must be a track or an episode, not a {type}"),
        };
    }

    private static DateTimeOffset AddedAt(string? addedAt, string field, DateTimeOffset now) =>
        addedAt is null ? now
        : DateTimeOffset.TryParse(addedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw FixtureRules.Invalid($"{field}.added_at must be a date and time such as 2024-05-17T12:00:00Z");

    /// <summary>The albums the generated cover shows (see the Api's <see cref="PlaylistCovers"/>), read from the database as written so far.</summary>
    public static async Task SetCoverAsync(JukeboxDbContext db, Playlist playlist, List<PlaylistItem> rows, CancellationToken ct)
    {
        var albums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.TrackId).OfType<string>().Distinct().Chunk(500))
        {
            foreach (var track in await db.Tracks.Where(t => chunk.Contains(t.Id)).Select(t => new { t.Id, t.AlbumId }).ToListAsync(ct))
            {
                albums[track.Id] = track.AlbumId;
            }
        }
        playlist.CoverAlbumIds = PlaylistCovers.AlbumsOf(rows.Select(r => r.TrackId), albums.GetValueOrDefault, out var coverDepth);
        playlist.CoverDepth = coverDepth;
    }
}
