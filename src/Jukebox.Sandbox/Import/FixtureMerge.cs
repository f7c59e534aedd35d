using Jukebox.Api.Audio;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// Fields of one object laid over another's: each field the first has wins, the second fills the rest.
/// An import lays what it read over the stored object, so a field a source leaves out (a simplified
/// album has no label) keeps its stored value instead of taking the fixture's default.
/// </summary>
internal static class FixtureMerge
{
    public static ArtistFixture Artist(ArtistFixture a, ArtistFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Genres ?? b.Genres, a.Popularity ?? b.Popularity, a.Followers ?? b.Followers)
    {
        Images = a.Images ?? b.Images,
    };

    public static AlbumFixture Album(AlbumFixture a, AlbumFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.AlbumType ?? b.AlbumType, a.Artists ?? b.Artists,
        a.AvailableMarkets ?? b.AvailableMarkets,
        a.ReleaseDate ?? b.ReleaseDate, a.ReleaseDate is null ? b.ReleaseDatePrecision : a.ReleaseDatePrecision,
        a.Label ?? b.Label, a.Genres ?? b.Genres, a.Popularity ?? b.Popularity, a.Copyrights ?? b.Copyrights,
        new ExternalIdsFixture(null, a.ExternalIds?.Upc ?? b.ExternalIds?.Upc, a.ExternalIds?.Ean ?? b.ExternalIds?.Ean),
        null)
    {
        Images = a.Images ?? b.Images,
    };

    public static TrackFixture Track(TrackFixture a, TrackFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Artists ?? b.Artists, a.Album ?? b.Album,
        a.DurationMs ?? b.DurationMs, a.Explicit ?? b.Explicit, a.DiscNumber ?? b.DiscNumber, a.TrackNumber ?? b.TrackNumber,
        a.AvailableMarkets ?? b.AvailableMarkets,
        new ExternalIdsFixture(a.ExternalIds?.Isrc ?? b.ExternalIds?.Isrc, null, null),
        a.PreviewUrl ?? b.PreviewUrl, a.Popularity ?? b.Popularity);

    public static ArtistFixture From(Artist stored) =>
        new(stored.Id, null, stored.Name, [.. stored.Genres], stored.Popularity, new FollowersFixture(stored.Followers))
        {
            Images = ImageRules.Fixtures(stored.Images),
        };

    public static AlbumFixture From(Album stored, IEnumerable<string> artistIds)
    {
        var copyrights = new List<CopyrightFixture?>();
        if (stored.CopyrightText.Length > 0)
        {
            copyrights.Add(new CopyrightFixture(stored.CopyrightText, "C"));
        }
        if (stored.PhonogramText.Length > 0)
        {
            copyrights.Add(new CopyrightFixture(stored.PhonogramText, "P"));
        }
        return new AlbumFixture(
            stored.Id, null, stored.Name, stored.AlbumType, [.. artistIds.Select(id => new IdFixture(id))], [.. stored.AvailableMarkets],
            stored.ReleaseDate, stored.ReleaseDatePrecision, stored.Label, [.. stored.Genres], stored.Popularity, copyrights,
            new ExternalIdsFixture(null, stored.Upc, stored.Ean), null)
        {
            Images = ImageRules.Fixtures(stored.Images),
        };
    }

    /// <summary>
    /// A track without markets of its own keeps none: it follows its album's. The preview of its own
    /// audio file is no address a source gives, so it is left out here and kept by <see cref="TrackRows"/>.
    /// </summary>
    public static TrackFixture From(Track stored, IEnumerable<string> artistIds) => new(
        stored.Id, null, stored.Name, [.. artistIds.Select(id => new IdFixture(id))], new IdFixture(stored.AlbumId),
        stored.DurationMs, stored.Explicit, stored.DiscNumber, stored.TrackNumber, stored.AvailableMarkets is null ? null : [.. stored.AvailableMarkets],
        new ExternalIdsFixture(stored.Isrc, null, null), TrackAudio.IsServedHere(stored.PreviewUrl) ? null : stored.PreviewUrl, stored.Popularity);
}
