using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Catalog;

/// <summary>
/// Turns catalog items into the spec's wire objects. Every area maps through here, so market
/// handling and track relinking (the Track Relinking concept page) are decided in one place.
/// </summary>
public sealed class CatalogObjects(PublicUrls urls)
{
    public PublicUrls Urls => urls;

    public SimplifiedArtistObject SimplifiedArtist(CatalogArtist a) =>
        new(urls.External("artist", a.Id), urls.Resource("artists", a.Id), a.Id, a.Name, "artist", SpotifyIds.Uri("artist", a.Id));

    public ArtistObject Artist(CatalogArtist a) => new(
        urls.External("artist", a.Id), new FollowersObject(null, a.Followers), a.Genres, urls.Resource("artists", a.Id), a.Id,
        urls.Images("artist", a.Id), a.Name, a.Popularity, "artist", SpotifyIds.Uri("artist", a.Id));

    private IReadOnlyList<SimplifiedArtistObject> Artists(CatalogArtist[] artists)
    {
        var result = new SimplifiedArtistObject[artists.Length];
        for (var i = 0; i < artists.Length; i++)
        {
            result[i] = SimplifiedArtist(artists[i]);
        }
        return result;
    }

    public SimplifiedAlbumObject SimplifiedAlbum(CatalogAlbum a, string? market) => new()
    {
        AlbumType = a.AlbumType,
        TotalTracks = a.Tracks.Length,
        AvailableMarkets = a.Markets,
        ExternalUrls = urls.External("album", a.Id),
        Href = urls.Resource("albums", a.Id),
        Id = a.Id,
        Images = urls.Images("album", a.Id),
        Name = a.Name,
        ReleaseDate = a.ReleaseDate,
        ReleaseDatePrecision = a.ReleaseDatePrecision,
        IsPlayable = market is null ? null : a.Markets.Contains(market),
        Restrictions = market is not null && !a.Markets.Contains(market) ? new RestrictionsObject("market") : null,
        Uri = SpotifyIds.Uri("album", a.Id),
        Artists = Artists(a.Artists),
    };

    public ArtistDiscographyAlbumObject DiscographyAlbum(CatalogAlbum a, string group, string? market) => new()
    {
        AlbumGroup = group,
        AlbumType = a.AlbumType,
        TotalTracks = a.Tracks.Length,
        AvailableMarkets = a.Markets,
        ExternalUrls = urls.External("album", a.Id),
        Href = urls.Resource("albums", a.Id),
        Id = a.Id,
        Images = urls.Images("album", a.Id),
        Name = a.Name,
        ReleaseDate = a.ReleaseDate,
        ReleaseDatePrecision = a.ReleaseDatePrecision,
        IsPlayable = market is null ? null : a.Markets.Contains(market),
        Uri = SpotifyIds.Uri("album", a.Id),
        Artists = Artists(a.Artists),
    };

    public AlbumObject Album(CatalogAlbum a, string? market, PagingObject<SimplifiedTrackObject> tracks) => new()
    {
        AlbumType = a.AlbumType,
        TotalTracks = a.Tracks.Length,
        AvailableMarkets = a.Markets,
        ExternalUrls = urls.External("album", a.Id),
        Href = urls.Resource("albums", a.Id),
        Id = a.Id,
        Images = urls.Images("album", a.Id),
        Name = a.Name,
        ReleaseDate = a.ReleaseDate,
        ReleaseDatePrecision = a.ReleaseDatePrecision,
        IsPlayable = market is null ? null : a.Markets.Contains(market),
        Restrictions = market is not null && !a.Markets.Contains(market) ? new RestrictionsObject("market") : null,
        Uri = SpotifyIds.Uri("album", a.Id),
        Artists = Artists(a.Artists),
        Tracks = tracks,
        Copyrights = [new CopyrightObject(a.CopyrightText, "C"), new CopyrightObject(a.PhonogramText, "P")],
        ExternalIds = new ExternalIdObject(Upc: a.Upc, Ean: a.Ean),
        Genres = a.Genres,
        Label = a.Label,
        Popularity = a.Popularity,
    };

    /// <summary>
    /// Which instance of a track a request for <paramref name="requested"/> in <paramref name="market"/>
    /// gets: itself when playable there, else another instance of the same recording that is, else
    /// itself marked unplayable.
    /// </summary>
    public static Relinked Relink(CatalogTrack requested, string? market)
    {
        if (market is null)
        {
            return new Relinked(requested, null, null);
        }
        if (requested.Markets.Contains(market))
        {
            return new Relinked(requested, null, true);
        }
        foreach (var other in requested.OtherInstances)
        {
            if (other.Markets.Contains(market))
            {
                return new Relinked(other, requested, true);
            }
        }
        return new Relinked(requested, null, false);
    }

    public readonly record struct Relinked(CatalogTrack Track, CatalogTrack? LinkedFrom, bool? IsPlayable);

    public SimplifiedTrackObject SimplifiedTrack(CatalogTrack requested, string? market)
    {
        var (t, from, playable) = Relink(requested, market);
        return new SimplifiedTrackObject
        {
            Artists = Artists(t.Artists),
            AvailableMarkets = market is null ? t.Markets : null,
            DiscNumber = t.DiscNumber,
            DurationMs = t.DurationMs,
            Explicit = t.Explicit,
            ExternalUrls = urls.External("track", t.Id),
            Href = urls.Resource("tracks", t.Id),
            Id = t.Id,
            IsPlayable = playable,
            LinkedFrom = from is null ? null : LinkedTrack(from),
            Restrictions = playable == false ? new RestrictionsObject("market") : null,
            Name = t.Name,
            PreviewUrl = t.PreviewUrl,
            TrackNumber = t.TrackNumber,
            Uri = SpotifyIds.Uri("track", t.Id),
        };
    }

    public TrackObject Track(CatalogTrack requested, string? market)
    {
        var (t, from, playable) = Relink(requested, market);
        return new TrackObject
        {
            Album = SimplifiedAlbum(t.Album, market),
            Artists = Artists(t.Artists),
            AvailableMarkets = market is null ? t.Markets : null,
            DiscNumber = t.DiscNumber,
            DurationMs = t.DurationMs,
            Explicit = t.Explicit,
            ExternalIds = new ExternalIdObject(Isrc: t.Isrc),
            ExternalUrls = urls.External("track", t.Id),
            Href = urls.Resource("tracks", t.Id),
            Id = t.Id,
            IsPlayable = playable,
            LinkedFrom = from is null ? null : LinkedTrack(from),
            Restrictions = playable == false ? new RestrictionsObject("market") : null,
            Name = t.Name,
            Popularity = t.Popularity,
            PreviewUrl = t.PreviewUrl,
            TrackNumber = t.TrackNumber,
            Uri = SpotifyIds.Uri("track", t.Id),
        };
    }

    private LinkedTrackObject LinkedTrack(CatalogTrack t) =>
        new(urls.External("track", t.Id), urls.Resource("tracks", t.Id), t.Id, "track", SpotifyIds.Uri("track", t.Id));

    public SimplifiedShowObject SimplifiedShow(CatalogShow s) => new()
    {
        AvailableMarkets = s.Markets,
        Copyrights = [new CopyrightObject(s.CopyrightText, "C")],
        Description = s.Description,
        HtmlDescription = s.HtmlDescription,
        Explicit = s.Explicit,
        ExternalUrls = urls.External("show", s.Id),
        Href = urls.Resource("shows", s.Id),
        Id = s.Id,
        Images = urls.Images("show", s.Id),
        IsExternallyHosted = s.IsExternallyHosted,
        Languages = s.Languages,
        MediaType = s.MediaType,
        Name = s.Name,
        Publisher = s.Publisher,
        Uri = SpotifyIds.Uri("show", s.Id),
        TotalEpisodes = s.Episodes.Length,
    };

    public ShowObject Show(CatalogShow s, PagingObject<SimplifiedEpisodeObject> episodes) => new()
    {
        AvailableMarkets = s.Markets,
        Copyrights = [new CopyrightObject(s.CopyrightText, "C")],
        Description = s.Description,
        HtmlDescription = s.HtmlDescription,
        Explicit = s.Explicit,
        ExternalUrls = urls.External("show", s.Id),
        Href = urls.Resource("shows", s.Id),
        Id = s.Id,
        Images = urls.Images("show", s.Id),
        IsExternallyHosted = s.IsExternallyHosted,
        Languages = s.Languages,
        MediaType = s.MediaType,
        Name = s.Name,
        Publisher = s.Publisher,
        Uri = SpotifyIds.Uri("show", s.Id),
        TotalEpisodes = s.Episodes.Length,
        Episodes = episodes,
    };

    public SimplifiedEpisodeObject SimplifiedEpisode(CatalogEpisode e, string? market) => new()
    {
        AudioPreviewUrl = e.AudioPreviewUrl,
        Description = e.Description,
        HtmlDescription = e.HtmlDescription,
        DurationMs = e.DurationMs,
        Explicit = e.Explicit,
        ExternalUrls = urls.External("episode", e.Id),
        Href = urls.Resource("episodes", e.Id),
        Id = e.Id,
        Images = urls.Images("show", e.Show.Id),
        IsExternallyHosted = e.IsExternallyHosted,
        IsPlayable = market is null || e.Show.Markets.Contains(market),
        Language = e.Languages.Count > 0 ? e.Languages[0] : "en",
        Languages = e.Languages,
        Name = e.Name,
        ReleaseDate = e.ReleaseDate,
        ReleaseDatePrecision = e.ReleaseDatePrecision,
        Uri = SpotifyIds.Uri("episode", e.Id),
        Restrictions = market is not null && !e.Show.Markets.Contains(market) ? new RestrictionsObject("market") : null,
    };

    public EpisodeObject Episode(CatalogEpisode e, string? market) => new()
    {
        AudioPreviewUrl = e.AudioPreviewUrl,
        Description = e.Description,
        HtmlDescription = e.HtmlDescription,
        DurationMs = e.DurationMs,
        Explicit = e.Explicit,
        ExternalUrls = urls.External("episode", e.Id),
        Href = urls.Resource("episodes", e.Id),
        Id = e.Id,
        Images = urls.Images("show", e.Show.Id),
        IsExternallyHosted = e.IsExternallyHosted,
        IsPlayable = market is null || e.Show.Markets.Contains(market),
        Language = e.Languages.Count > 0 ? e.Languages[0] : "en",
        Languages = e.Languages,
        Name = e.Name,
        ReleaseDate = e.ReleaseDate,
        ReleaseDatePrecision = e.ReleaseDatePrecision,
        Uri = SpotifyIds.Uri("episode", e.Id),
        Restrictions = market is not null && !e.Show.Markets.Contains(market) ? new RestrictionsObject("market") : null,
        Show = SimplifiedShow(e.Show),
    };

    public SimplifiedAudiobookObject SimplifiedAudiobook(CatalogAudiobook b) => new()
    {
        Authors = [.. b.Authors.Select(a => new AuthorObject(a))],
        AvailableMarkets = b.Markets,
        Copyrights = [new CopyrightObject(b.CopyrightText, "C")],
        Description = b.Description,
        HtmlDescription = b.HtmlDescription,
        Edition = b.Edition,
        Explicit = b.Explicit,
        ExternalUrls = urls.External("audiobook", b.Id),
        Href = urls.Resource("audiobooks", b.Id),
        Id = b.Id,
        Images = urls.Images("audiobook", b.Id),
        Languages = b.Languages,
        MediaType = b.MediaType,
        Name = b.Name,
        Narrators = [.. b.Narrators.Select(n => new NarratorObject(n))],
        Publisher = b.Publisher,
        Uri = SpotifyIds.Uri("audiobook", b.Id),
        TotalChapters = b.Chapters.Length,
    };

    public AudiobookObject Audiobook(CatalogAudiobook b, PagingObject<SimplifiedChapterObject> chapters) => new()
    {
        Authors = [.. b.Authors.Select(a => new AuthorObject(a))],
        AvailableMarkets = b.Markets,
        Copyrights = [new CopyrightObject(b.CopyrightText, "C")],
        Description = b.Description,
        HtmlDescription = b.HtmlDescription,
        Edition = b.Edition,
        Explicit = b.Explicit,
        ExternalUrls = urls.External("audiobook", b.Id),
        Href = urls.Resource("audiobooks", b.Id),
        Id = b.Id,
        Images = urls.Images("audiobook", b.Id),
        Languages = b.Languages,
        MediaType = b.MediaType,
        Name = b.Name,
        Narrators = [.. b.Narrators.Select(n => new NarratorObject(n))],
        Publisher = b.Publisher,
        Uri = SpotifyIds.Uri("audiobook", b.Id),
        TotalChapters = b.Chapters.Length,
        Chapters = chapters,
    };

    public SimplifiedChapterObject SimplifiedChapter(CatalogChapter c, string? market) => new()
    {
        AudioPreviewUrl = c.AudioPreviewUrl,
        AvailableMarkets = market is null ? c.Audiobook.Markets : null,
        ChapterNumber = c.ChapterNumber,
        Description = c.Description,
        HtmlDescription = c.HtmlDescription,
        DurationMs = c.DurationMs,
        Explicit = c.Explicit,
        ExternalUrls = urls.External("episode", c.Id),
        Href = urls.Resource("chapters", c.Id),
        Id = c.Id,
        Images = urls.Images("audiobook", c.Audiobook.Id),
        IsPlayable = market is null || c.Audiobook.Markets.Contains(market),
        Languages = c.Languages,
        Name = c.Name,
        ReleaseDate = c.ReleaseDate,
        ReleaseDatePrecision = c.ReleaseDatePrecision,
        Uri = SpotifyIds.Uri("episode", c.Id),
        Restrictions = market is not null && !c.Audiobook.Markets.Contains(market) ? new RestrictionsObject("market") : null,
    };

    public ChapterObject Chapter(CatalogChapter c, string? market) => new()
    {
        AudioPreviewUrl = c.AudioPreviewUrl,
        AvailableMarkets = market is null ? c.Audiobook.Markets : null,
        ChapterNumber = c.ChapterNumber,
        Description = c.Description,
        HtmlDescription = c.HtmlDescription,
        DurationMs = c.DurationMs,
        Explicit = c.Explicit,
        ExternalUrls = urls.External("episode", c.Id),
        Href = urls.Resource("chapters", c.Id),
        Id = c.Id,
        Images = urls.Images("audiobook", c.Audiobook.Id),
        IsPlayable = market is null || c.Audiobook.Markets.Contains(market),
        Languages = c.Languages,
        Name = c.Name,
        ReleaseDate = c.ReleaseDate,
        ReleaseDatePrecision = c.ReleaseDatePrecision,
        Uri = SpotifyIds.Uri("episode", c.Id),
        Restrictions = market is not null && !c.Audiobook.Markets.Contains(market) ? new RestrictionsObject("market") : null,
        Audiobook = SimplifiedAudiobook(c.Audiobook),
    };
}
