using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;
using Jukebox.Api.Users;

namespace Jukebox.Api.Catalog;

/// <summary>
/// Turns catalog items into the spec's wire objects. Every area maps through here, so market
/// handling and track relinking (the Track Relinking concept page) are decided in one place.
/// </summary>
public sealed class CatalogObjects(PublicUrls urls, IArtistFollowerCounts follows)
{
    /// <summary>How many tracks, episodes or chapters a full album, show or audiobook embeds, as Spotify's do.</summary>
    private const int Embedded = 50;

    public PublicUrls Urls => urls;

    public SimplifiedArtistObject SimplifiedArtist(CatalogArtist a) =>
        new(urls.External("artist", a.Id), urls.ResourceLink("artists", a.Id), a.Id, a.Name, "artist", SpotifyIds.UriLink("artist", a.Id));

    /// <summary>An artist; its followers are the catalog's figure plus this server's users who follow it.</summary>
    public ArtistObject Artist(CatalogArtist a) => new(
        urls.External("artist", a.Id), new FollowersObject(null, a.Followers + follows.Of(a.Id)), a.Genres, urls.Resource("artists", a.Id), a.Id,
        urls.Of(a), a.Name, a.Popularity, "artist", SpotifyIds.Uri("artist", a.Id));

    private IReadOnlyList<SimplifiedArtistObject> Artists(CatalogArtist[] artists)
    {
        var result = new SimplifiedArtistObject[artists.Length];
        for (var i = 0; i < artists.Length; i++)
        {
            result[i] = SimplifiedArtist(artists[i]);
        }
        return result;
    }

    public SimplifiedAlbumObject SimplifiedAlbum(CatalogAlbum a, string? market) => AlbumFields<SimplifiedAlbumObject>(a, market);

    public ArtistDiscographyAlbumObject DiscographyAlbum(CatalogAlbum a, string group, string? market)
    {
        var album = AlbumFields<ArtistDiscographyAlbumObject>(a, market);
        album.AlbumGroup = group;
        return album;
    }

    /// <summary>An album with the first page of its tracks, whose links keep the market.</summary>
    public AlbumObject Album(CatalogAlbum a, string? market)
    {
        var album = AlbumFields<AlbumObject>(a, market);
        album.Tracks = EmbeddedPage($"/v1/albums/{a.Id}/tracks", market, a.Tracks, t => SimplifiedTrack(t, market));
        album.Copyrights = [new CopyrightObject(a.CopyrightText, "C"), new CopyrightObject(a.PhonogramText, "P")];
        album.ExternalIds = new ExternalIdObject(Upc: a.Upc, Ean: a.Ean);
        album.Genres = a.Genres;
        album.Label = a.Label;
        album.Popularity = a.Popularity;
        return album;
    }

    /// <summary>The fields every album object shares; the richer objects add theirs.</summary>
    private T AlbumFields<T>(CatalogAlbum a, string? market) where T : SimplifiedAlbumObject, new() => new()
    {
        AlbumType = a.AlbumType,
        TotalTracks = a.Tracks.Length,
        AvailableMarkets = a.Markets,
        ExternalUrls = urls.External("album", a.Id),
        Href = urls.ResourceLink("albums", a.Id),
        Id = a.Id,
        Images = urls.Of(a),
        Name = a.Name,
        ReleaseDate = a.ReleaseDate,
        ReleaseDatePrecision = a.ReleaseDatePrecision,
        IsPlayable = market is null ? null : a.Markets.Contains(market),
        Restrictions = market is not null && !a.Markets.Contains(market) ? new RestrictionsObject("market") : null,
        Uri = SpotifyIds.UriLink("album", a.Id),
        Artists = Artists(a.Artists),
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

    public SimplifiedTrackObject SimplifiedTrack(CatalogTrack requested, string? market) => TrackFields<SimplifiedTrackObject>(requested, market).Object;

    public TrackObject Track(CatalogTrack requested, string? market)
    {
        var (track, served) = TrackFields<TrackObject>(requested, market);
        track.Album = SimplifiedAlbum(served.Album, market);
        track.ExternalIds = new ExternalIdObject(Isrc: served.Isrc);
        track.Popularity = served.Popularity;
        return track;
    }

    /// <summary>The fields every track object shares, for the instance relinking serves.</summary>
    private (T Object, CatalogTrack Served) TrackFields<T>(CatalogTrack requested, string? market) where T : SimplifiedTrackObject, new()
    {
        var (t, from, playable) = Relink(requested, market);
        return (new T
        {
            Artists = Artists(t.Artists),
            AvailableMarkets = market is null ? t.Markets : null,
            DiscNumber = t.DiscNumber,
            DurationMs = t.DurationMs,
            Explicit = t.Explicit,
            ExternalUrls = urls.External("track", t.Id),
            Href = urls.ResourceLink("tracks", t.Id),
            Id = t.Id,
            IsPlayable = playable,
            LinkedFrom = from is null ? null : LinkedTrack(from),
            Restrictions = playable == false ? new RestrictionsObject("market") : null,
            Name = t.Name,
            PreviewUrl = urls.Absolute(t.PreviewUrl),
            TrackNumber = t.TrackNumber,
            Uri = SpotifyIds.UriLink("track", t.Id),
        }, t);
    }

    private LinkedTrackObject LinkedTrack(CatalogTrack t) =>
        new(urls.External("track", t.Id), urls.ResourceLink("tracks", t.Id), t.Id, "track", SpotifyIds.UriLink("track", t.Id));

    public SimplifiedShowObject SimplifiedShow(CatalogShow s) => ShowFields<SimplifiedShowObject>(s);

    /// <summary>A show with the first page of its episodes, whose links keep the market.</summary>
    public ShowObject Show(CatalogShow s, string? market)
    {
        var show = ShowFields<ShowObject>(s);
        show.Episodes = EmbeddedPage($"/v1/shows/{s.Id}/episodes", market, s.Episodes, e => SimplifiedEpisode(e, market));
        return show;
    }

    private T ShowFields<T>(CatalogShow s) where T : SimplifiedShowObject, new() => new()
    {
        AvailableMarkets = s.Markets,
        Copyrights = [new CopyrightObject(s.CopyrightText, "C")],
        Description = s.Description,
        HtmlDescription = s.HtmlDescription,
        Explicit = s.Explicit,
        ExternalUrls = urls.External("show", s.Id),
        Href = urls.Resource("shows", s.Id),
        Id = s.Id,
        Images = urls.Of(s),
        IsExternallyHosted = s.IsExternallyHosted,
        Languages = s.Languages,
        MediaType = s.MediaType,
        Name = s.Name,
        Publisher = s.Publisher,
        Uri = SpotifyIds.Uri("show", s.Id),
        TotalEpisodes = s.Episodes.Length,
    };

    public SimplifiedEpisodeObject SimplifiedEpisode(CatalogEpisode e, string? market) => EpisodeFields<SimplifiedEpisodeObject>(e, market);

    public EpisodeObject Episode(CatalogEpisode e, string? market)
    {
        var episode = EpisodeFields<EpisodeObject>(e, market);
        episode.Show = SimplifiedShow(e.Show);
        return episode;
    }

    private T EpisodeFields<T>(CatalogEpisode e, string? market) where T : SimplifiedEpisodeObject, new() => new()
    {
        AudioPreviewUrl = e.AudioPreviewUrl,
        Description = e.Description,
        HtmlDescription = e.HtmlDescription,
        DurationMs = e.DurationMs,
        Explicit = e.Explicit,
        ExternalUrls = urls.External("episode", e.Id),
        Href = urls.Resource("episodes", e.Id),
        Id = e.Id,
        Images = urls.Of(e),
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

    public SimplifiedAudiobookObject SimplifiedAudiobook(CatalogAudiobook b) => AudiobookFields<SimplifiedAudiobookObject>(b);

    /// <summary>An audiobook with the first page of its chapters, whose links keep the market.</summary>
    public AudiobookObject Audiobook(CatalogAudiobook b, string? market)
    {
        var book = AudiobookFields<AudiobookObject>(b);
        book.Chapters = EmbeddedPage($"/v1/audiobooks/{b.Id}/chapters", market, b.Chapters, c => SimplifiedChapter(c, market));
        return book;
    }

    private T AudiobookFields<T>(CatalogAudiobook b) where T : SimplifiedAudiobookObject, new() => new()
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
        Images = urls.Of(b),
        Languages = b.Languages,
        MediaType = b.MediaType,
        Name = b.Name,
        Narrators = [.. b.Narrators.Select(n => new NarratorObject(n))],
        Publisher = b.Publisher,
        Uri = SpotifyIds.Uri("audiobook", b.Id),
        TotalChapters = b.Chapters.Length,
    };

    public SimplifiedChapterObject SimplifiedChapter(CatalogChapter c, string? market) => ChapterFields<SimplifiedChapterObject>(c, market);

    public ChapterObject Chapter(CatalogChapter c, string? market)
    {
        var chapter = ChapterFields<ChapterObject>(c, market);
        chapter.Audiobook = SimplifiedAudiobook(c.Audiobook);
        return chapter;
    }

    private T ChapterFields<T>(CatalogChapter c, string? market) where T : SimplifiedChapterObject, new() => new()
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
        Images = urls.Of(c),
        IsPlayable = market is null || c.Audiobook.Markets.Contains(market),
        Languages = c.Languages,
        Name = c.Name,
        ReleaseDate = c.ReleaseDate,
        ReleaseDatePrecision = c.ReleaseDatePrecision,
        Uri = SpotifyIds.Uri("episode", c.Id),
        Restrictions = market is not null && !c.Audiobook.Markets.Contains(market) ? new RestrictionsObject("market") : null,
    };

    private PagingObject<TOut> EmbeddedPage<TIn, TOut>(string path, string? market, IReadOnlyList<TIn> all, Func<TIn, TOut> map)
    {
        KeyValuePair<string, string>[] parameters = market is null ? [] : [new("market", market)];
        return new Page(Embedded, 0).ToPaging(urls, path, parameters, all, map);
    }
}
