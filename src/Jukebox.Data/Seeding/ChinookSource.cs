using System.Text.Json;

namespace Jukebox.Data.Seeding;

/// <summary>The music part of the Chinook sample database (MIT licence, see SeedData/LICENSE-chinook.md).</summary>
internal sealed class ChinookSource
{
    public required List<ChinookArtist> Artist { get; init; }
    public required List<ChinookAlbum> Album { get; init; }
    public required List<ChinookTrack> Track { get; init; }
    public required List<ChinookGenre> Genre { get; init; }
    public required List<ChinookPlaylist> Playlist { get; init; }
    public required List<ChinookPlaylistTrack> PlaylistTrack { get; init; }

    public static ChinookSource Load()
    {
        using var stream = typeof(ChinookSource).Assembly.GetManifestResourceStream("ChinookData.json")
            ?? throw new InvalidOperationException("The Chinook data is not embedded in Jukebox.Data.");
        return JsonSerializer.Deserialize<ChinookSource>(stream)
            ?? throw new InvalidOperationException("The Chinook data is empty.");
    }
}

internal sealed record ChinookArtist(int ArtistId, string Name);

internal sealed record ChinookAlbum(int AlbumId, string Title, int ArtistId);

internal sealed record ChinookTrack(
    int TrackId, string Name, int AlbumId, int MediaTypeId, int GenreId, string? Composer, int Milliseconds);

internal sealed record ChinookGenre(int GenreId, string Name);

internal sealed record ChinookPlaylist(int PlaylistId, string Name);

internal sealed record ChinookPlaylistTrack(int PlaylistId, int TrackId);
