using Jukebox.Api.Albums;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Browse;

public static class BrowseEndpoints
{
    public static void MapBrowse(this IEndpointRouteBuilder api)
    {
        api.MapGet("/browse/categories", GetCategories);
        api.MapGet("/browse/categories/{category_id}", GetCategory);
        api.MapGet("/browse/categories/{category_id}/playlists", GetCategoryPlaylists);
        api.MapGet("/browse/featured-playlists", GetFeaturedPlaylists);
        api.MapGet("/browse/new-releases", GetNewReleases);
    }

    private static async Task<SpotifyJson<CategoriesResponse>> GetCategories(string? locale, HttpRequest request, PageLink link, CatalogStore store, PublicUrls urls)
    {
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var categories = (await store.GetAsync()).Categories;
        var paging = page.ToPaging(urls, link, categories, c => CategoryObjectOf(c, locale, urls));
        return SpotifyResults.Catalog(new CategoriesResponse(paging), SpotifyJsonContext.Default.CategoriesResponse);
    }

    private static async Task<SpotifyJson<CategoryObject>> GetCategory(string category_id, string? locale, CatalogStore store, PublicUrls urls)
    {
        var category = (await store.GetAsync()).Categories.FirstOrDefault(c => c.Id == category_id)
            ?? throw SpotifyException.NotFound("Resource not found");
        return SpotifyResults.Catalog(CategoryObjectOf(category, locale, urls), SpotifyJsonContext.Default.CategoryObject);
    }

    private static async Task<SpotifyJson<FeaturedPlaylistsResponse>> GetCategoryPlaylists(
        string category_id, HttpRequest request, PageLink link, CatalogStore store, JukeboxDbContext db, PlaylistSummaries summaries, PublicUrls urls, CancellationToken ct)
    {
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var category = (await store.GetAsync()).Categories.FirstOrDefault(c => c.Id == category_id)
            ?? throw SpotifyException.NotFound("Resource not found");
        var query = db.CategoryPlaylists.Where(cp => cp.CategoryId == category.Id).OrderBy(cp => cp.Position)
            .Join(db.Playlists, cp => cp.PlaylistId, p => p.Id, (cp, p) => p);
        var (items, total) = await summaries.PageAsync(query, page, ct);
        var response = new FeaturedPlaylistsResponse(category.Name, page.ToPaging(urls, link, items, total));
        return SpotifyResults.Catalog(response, SpotifyJsonContext.Default.FeaturedPlaylistsResponse);
    }

    private static async Task<SpotifyJson<FeaturedPlaylistsResponse>> GetFeaturedPlaylists(
        HttpRequest request, PageLink link, JukeboxDbContext db, PlaylistSummaries summaries, PublicUrls urls, CancellationToken ct)
    {
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var query = db.Playlists.Where(p => p.FeaturedPosition != null).OrderBy(p => p.FeaturedPosition);
        var (items, total) = await summaries.PageAsync(query, page, ct);
        var response = new FeaturedPlaylistsResponse("Editor's picks", page.ToPaging(urls, link, items, total));
        return SpotifyResults.Catalog(response, SpotifyJsonContext.Default.FeaturedPlaylistsResponse);
    }

    /// <remarks>
    /// <c>country</c> is not in the current spec but Spotify accepts it and client libraries send it:
    /// only releases available there are listed.
    /// </remarks>
    private static async Task<SpotifyJson<NewReleasesResponse>> GetNewReleases(string? country, HttpRequest request, PageLink link, CatalogStore store, CatalogObjects objects)
    {
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var market = country is null ? null : country.ToUpperInvariant();
        if (market is not null && !Jukebox.Data.Markets.IsKnown(market))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidMarket);
        }
        var all = (await store.GetAsync()).NewReleases;
        IReadOnlyList<CatalogAlbum> releases = market is null ? all : [.. all.Where(a => a.Markets.Contains(market))];
        var paging = page.ToPaging(objects.Urls, link, releases, a => objects.SimplifiedAlbum(a, null));
        return SpotifyResults.Catalog(new NewReleasesResponse(paging), SpotifyJsonContext.Default.NewReleasesResponse);
    }

    /// <summary>A category as GET /v1/browse/categories/{id} answers it, in <paramref name="locale"/> when it has a name there.</summary>
    public static CategoryObject CategoryObjectOf(CatalogCategory c, string? locale, PublicUrls urls) =>
        new(urls.Api($"browse/categories/{c.Id}"), [new ImageObject(urls.Image("category", c.Id, 274), 274, 274)], c.Id, c.NameFor(locale));
}
