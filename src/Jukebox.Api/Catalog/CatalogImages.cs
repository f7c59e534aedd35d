using Jukebox.Api.Http;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Catalog;

/// <summary>
/// The images a catalog object is served with: those it was given (an import with
/// <c>--images keep</c>, a fixture's <c>images</c>), exactly as given, or else the covers this server
/// generates for it. An episode or a chapter without images of its own has its show's or audiobook's.
/// </summary>
public static class CatalogImages
{
    /// <summary>The wire objects of stored images, once per snapshot; null when the object has none of its own.</summary>
    public static IReadOnlyList<ImageObject>? Of(List<StoredImage>? stored) =>
        stored is null ? null : [.. stored.Select(i => new ImageObject(i.Url, i.Height, i.Width))];

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogArtist a) => a.Images ?? urls.Images("artist", a.Id);

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogAlbum a) => a.Images ?? urls.Images("album", a.Id);

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogShow s) => s.Images ?? urls.Images("show", s.Id);

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogEpisode e) => e.Images ?? urls.Of(e.Show);

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogAudiobook b) => b.Images ?? urls.Images("audiobook", b.Id);

    public static IReadOnlyList<ImageObject> Of(this PublicUrls urls, CatalogChapter c) => c.Images ?? urls.Of(c.Audiobook);
}
