using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Web.Pages.Open;

/// <summary>
/// Where an object's <c>external_urls.spotify</c> leads (<c>/open/{type}/{id}</c>), as open.spotify.com's
/// pages do: the object with its cover and what it holds (an album's tracks, an artist's albums, a
/// playlist's items, a show's episodes, an audiobook's chapters, a user's public playlists), linked to
/// each other, and a way to play it on the web player. Public, like Spotify's.
/// </summary>
public sealed class ObjectModel(CatalogStore catalog, JukeboxDbContext db, PublicUrls urls) : PageModel
{
    /// <summary>A line of what the object holds.</summary>
    public sealed record Row(string Name, string? Href, string Detail, int? DurationMs = null);

    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public IReadOnlyList<(string Name, string? Href)> Byline { get; private set; } = [];
    public string? ImageUrl { get; private set; }
    public IReadOnlyList<(string Label, string Value)> Facts { get; private set; } = [];
    public string RowsHeading { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The URI the web player is asked to play, if the object can be played.</summary>
    public string? PlayUri { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, string id, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync();
        var found = type switch
        {
            "album" when snapshot.Albums.TryGetValue(id, out var album) => Album(album),
            "artist" when snapshot.Artists.TryGetValue(id, out var artist) => Artist(artist),
            "track" when snapshot.Tracks.TryGetValue(id, out var track) => Track(track),
            "show" when snapshot.Shows.TryGetValue(id, out var show) => Show(show),
            // Chapters are episodes on Spotify's pages too.
            "episode" when snapshot.Episodes.TryGetValue(id, out var episode) => Episode(episode),
            "episode" when snapshot.Chapters.TryGetValue(id, out var chapter) => Chapter(chapter),
            "audiobook" when snapshot.Audiobooks.TryGetValue(id, out var book) => Audiobook(book),
            "playlist" => await PlaylistAsync(id, snapshot, ct),
            "user" => await UserAsync(id, ct),
            _ => false,
        };
        return found ? Page() : NotFound();
    }

    private static string Open(string type, string id) => $"/open/{type}/{id}";

    private static IReadOnlyList<(string, string?)> ArtistsOf(IEnumerable<CatalogArtist> artists) =>
        [.. artists.Select(a => (a.Name, (string?)Open("artist", a.Id)))];

    private bool Album(CatalogAlbum album)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = (AlbumKind(album), album.Name, ArtistsOf(album.Artists), urls.Image("album", album.Id, 300), $"spotify:album:{album.Id}");
        Facts = [("Released", album.ReleaseDate), ("Label", album.Label), ("Tracks", album.Tracks.Length.ToString())];
        RowsHeading = "Tracks";
        Rows = [.. album.Tracks.Select(t => new Row(t.Name, Open("track", t.Id), string.Join(", ", t.Artists.Select(a => a.Name)), t.DurationMs))];
        return true;
    }

    private static string AlbumKind(CatalogAlbum album) => album.AlbumType switch
    {
        "single" => "Single",
        "compilation" => "Compilation",
        _ => "Album",
    };

    private bool Artist(CatalogArtist artist)
    {
        (Kind, Title, ImageUrl, PlayUri) = ("Artist", artist.Name, urls.Image("artist", artist.Id, 300), $"spotify:artist:{artist.Id}");
        Facts = [("Genres", artist.Genres.Count > 0 ? string.Join(", ", artist.Genres) : "—"), ("Followers", artist.Followers.ToString("N0"))];
        RowsHeading = "Discography";
        Rows = [.. artist.OwnAlbums.Concat(artist.AppearsOn).Select(a => new Row(a.Name, Open("album", a.Id), $"{AlbumKind(a)} · {a.ReleaseDate}"))];
        return true;
    }

    private bool Track(CatalogTrack track)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = ("Song", track.Name, ArtistsOf(track.Artists), urls.Image("album", track.Album.Id, 300), $"spotify:track:{track.Id}");
        Facts = [("Duration", Duration(track.DurationMs)), ("Explicit", track.Explicit ? "yes" : "no"), ("ISRC", track.Isrc)];
        RowsHeading = "On";
        Rows = [new Row(track.Album.Name, Open("album", track.Album.Id), $"{AlbumKind(track.Album)} · track {track.TrackNumber}")];
        return true;
    }

    private bool Show(CatalogShow show)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = ("Podcast", show.Name, [(show.Publisher, null)], urls.Image("show", show.Id, 300), $"spotify:show:{show.Id}");
        Facts = [("About", show.Description), ("Episodes", show.Episodes.Length.ToString())];
        RowsHeading = "Episodes";
        Rows = [.. show.Episodes.Select(e => new Row(e.Name, Open("episode", e.Id), e.ReleaseDate, e.DurationMs))];
        return true;
    }

    private bool Episode(CatalogEpisode episode)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = ("Episode", episode.Name, [(episode.Show.Name, Open("show", episode.Show.Id))],
            urls.Image("show", episode.Show.Id, 300), $"spotify:episode:{episode.Id}");
        Facts = [("Released", episode.ReleaseDate), ("Duration", Duration(episode.DurationMs)), ("About", episode.Description)];
        return true;
    }

    private bool Chapter(CatalogChapter chapter)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = ("Chapter", chapter.Name, [(chapter.Audiobook.Name, Open("audiobook", chapter.Audiobook.Id))],
            urls.Image("audiobook", chapter.Audiobook.Id, 300), $"spotify:episode:{chapter.Id}");
        Facts = [("Chapter", chapter.ChapterNumber.ToString()), ("Duration", Duration(chapter.DurationMs)), ("About", chapter.Description)];
        return true;
    }

    private bool Audiobook(CatalogAudiobook book)
    {
        (Kind, Title, Byline, ImageUrl, PlayUri) = ("Audiobook", book.Name, [.. book.Authors.Select(a => (a, (string?)null))],
            urls.Image("audiobook", book.Id, 300), $"spotify:audiobook:{book.Id}");
        Facts = [("Narrated by", string.Join(", ", book.Narrators)), ("Publisher", book.Publisher), ("About", book.Description)];
        RowsHeading = "Chapters";
        Rows = [.. book.Chapters.Select(c => new Row(c.Name, Open("episode", c.Id), $"Chapter {c.ChapterNumber}", c.DurationMs))];
        return true;
    }

    /// <summary>A public playlist with its first 100 items; a private one is not shown, as on Spotify.</summary>
    private async Task<bool> PlaylistAsync(string id, CatalogSnapshot snapshot, CancellationToken ct)
    {
        var playlist = await db.Playlists.AsNoTracking().Where(p => p.Id == id && p.Public)
            .Select(p => new { p.Id, p.Name, p.Description, p.OwnerId, Owner = p.Owner!.DisplayName, p.ItemCount })
            .FirstOrDefaultAsync(ct);
        if (playlist is null)
        {
            return false;
        }
        var items = await db.PlaylistItems.AsNoTracking().Where(i => i.PlaylistId == id).OrderBy(i => i.Position).Take(100)
            .Select(i => new { i.TrackId, i.EpisodeId, i.LocalUri }).ToListAsync(ct);
        (Kind, Title, Byline, PlayUri) = ("Playlist", playlist.Name, [(playlist.Owner, Open("user", playlist.OwnerId))], $"spotify:playlist:{playlist.Id}");
        Facts = [("About", string.IsNullOrEmpty(playlist.Description) ? "—" : playlist.Description), ("Items", playlist.ItemCount.ToString())];
        RowsHeading = "Items";
        Rows = [.. items.Select(i =>
            i.TrackId is { } t && snapshot.Tracks.TryGetValue(t, out var track) ? new Row(track.Name, Open("track", t), string.Join(", ", track.Artists.Select(a => a.Name)), track.DurationMs)
            : i.EpisodeId is { } e && snapshot.Episodes.TryGetValue(e, out var episode) ? new Row(episode.Name, Open("episode", e), episode.Show.Name, episode.DurationMs)
            : new Row(i.LocalUri ?? "Unavailable", null, "Local file"))];
        ImageUrl = items.FirstOrDefault(i => i.TrackId is not null && snapshot.Tracks.ContainsKey(i.TrackId)) is { TrackId: { } first }
            ? urls.Image("album", snapshot.Tracks[first].Album.Id, 300)
            : null;
        return true;
    }

    /// <summary>A user's profile: their name and the public playlists they own.</summary>
    private async Task<bool> UserAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return false;
        }
        var playlists = await db.Playlists.AsNoTracking().Where(p => p.OwnerId == id && p.Public).OrderBy(p => p.Name).Take(100)
            .Select(p => new { p.Id, p.Name, p.ItemCount }).ToListAsync(ct);
        (Kind, Title) = ("Profile", user.DisplayName);
        Facts = [("User id", user.Id), ("Public playlists", playlists.Count.ToString())];
        RowsHeading = "Public playlists";
        Rows = [.. playlists.Select(p => new Row(p.Name, Open("playlist", p.Id), p.ItemCount == 1 ? "1 item" : $"{p.ItemCount} items"))];
        return true;
    }

    public static string Duration(int ms) => TimeSpan.FromMilliseconds(ms) is var d && d.TotalHours >= 1 ? d.ToString(@"h\:mm\:ss") : d.ToString(@"m\:ss");
}
