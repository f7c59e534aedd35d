using Jukebox.Api.Audio;
using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// A track fixture checked and turned into its rows: the track and its credits. Shared by tracks made on
/// their own and tracks made with their album.
/// </summary>
internal sealed record TrackRows(Track Track, List<TrackArtist> Credits)
{
    public IEnumerable<string> ArtistIds => Credits.Select(c => c.ArtistId);

    /// <param name="id">The track's id (given, the path's, or new).</param>
    /// <param name="albumMarkets">The album's markets: a track available in exactly those keeps none of its own.</param>
    /// <param name="trackNumber">The number a track without one gets.</param>
    /// <param name="stored">
    /// The track being replaced, if any: it keeps its ISRC and popularity when the body has none, as an
    /// album's simplified tracks do not carry them.
    /// </param>
    public static TrackRows From(
        TrackFixture body, string id, string albumId, IReadOnlyList<string> albumMarkets, int trackNumber, Track? stored = null)
    {
        FixtureRules.TypeIs(body.Type, "track");
        var name = FixtureRules.Name(body.Name);
        var artists = FixtureRules.Ids(body.Artists, "artists");
        if (body.DurationMs is null)
        {
            throw FixtureRules.Invalid("duration_ms is required");
        }
        if (body.DurationMs <= 0)
        {
            throw FixtureRules.Invalid("duration_ms must be more than zero");
        }
        var markets = body.AvailableMarkets is null ? null : FixtureRules.Markets(body.AvailableMarkets);
        var track = new Track
        {
            Id = id,
            AlbumId = albumId,
            Name = name,
            DurationMs = body.DurationMs.Value,
            Explicit = body.Explicit ?? false,
            DiscNumber = FixtureRules.AtLeast(body.DiscNumber, 1, 1, "disc_number"),
            TrackNumber = FixtureRules.AtLeast(body.TrackNumber, 1, trackNumber, "track_number"),
            Isrc = body.ExternalIds?.Isrc is null && stored is not null ? stored.Isrc : FixtureRules.Isrc(body.ExternalIds?.Isrc),
            PreviewUrl = FixtureRules.Url(body.PreviewUrl, "preview_url"),
            Popularity = body.Popularity is null && stored is not null ? stored.Popularity : FixtureRules.Popularity(body.Popularity),
            AvailableMarkets = markets is null || markets.SequenceEqual(albumMarkets) ? null : markets,
        };
        return new TrackRows(track, [.. artists.Select((artist, i) => new TrackArtist { TrackId = id, ArtistId = artist, Position = i })]);
    }

    /// <summary>Copies everything but the id onto a stored track (whose audio features stay).</summary>
    public void CopyTo(Track stored)
    {
        stored.AlbumId = Track.AlbumId;
        stored.Name = Track.Name;
        stored.DurationMs = Track.DurationMs;
        stored.Explicit = Track.Explicit;
        stored.DiscNumber = Track.DiscNumber;
        stored.TrackNumber = Track.TrackNumber;
        stored.Isrc = Track.Isrc;
        // The preview of the track's own audio file stays until another address replaces it.
        stored.PreviewUrl = Track.PreviewUrl ?? (TrackAudio.IsServedHere(stored.PreviewUrl) ? stored.PreviewUrl : null);
        stored.Popularity = Track.Popularity;
        stored.AvailableMarkets = Track.AvailableMarkets;
    }
}
