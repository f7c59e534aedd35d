using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Jukebox.Data.Seeding;
using Lucene.Net.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Search;

/// <summary>A validated search request.</summary>
/// <param name="HideSpotifyPlaylists">The app's profile hides Spotify-owned playlists: they are null among the results (ProfileTable).</param>
public sealed record SearchRequest(SearchQuery Query, IReadOnlyList<string> Types, string? Market, Page Page, bool IncludeExternalAudio, bool HideSpotifyPlaylists = false);

/// <summary>Runs a search per requested type and maps the hits to the spec's objects.</summary>
public sealed class SearchService(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, CatalogObjects objects,
    PlaylistSummaries summaries, IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Types = ["album", "artist", "playlist", "track", "show", "episode", "audiobook"];

    /// <summary>How long a request waits for the first index after a start before it answers 503.</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(10);

    private static readonly Sort RelevanceThenPopularity = new(SortField.FIELD_SCORE, new SortField(SearchFields.Rank, SortFieldType.INT64, true));

    /// <summary>The results of each requested type; <paramref name="link"/> is the request's, which each type's links repeat.</summary>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, PageLink link, CancellationToken ct)
    {
        var catalog = await store.GetAsync();
        var state = await IndexAsync(catalog);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var response = new SearchResponse();
        foreach (var type in request.Types)
        {
            var query = SearchQueryCompiler.Compile(request.Query, type, today, state.HipsterPopularity);
            var (ids, total) = query is null ? ([], 0)
                : type == "playlist" ? await playlists.SearchAsync(s => Run(s, query.Query, request.Page))
                : state.Search(query, type, request.Market, request.Page.Offset, request.Page.Limit);
            var links = LinksFor(link, type);
            var market = request.Market;
            switch (type)
            {
                case "track":
                    response.Tracks = Paging(request, links, Found(catalog.Tracks, ids).Select(t => objects.Track(t, market)), total);
                    break;
                case "album":
                    response.Albums = Paging(request, links, Found(catalog.Albums, ids).Select(a => objects.SimplifiedAlbum(a, market)), total);
                    break;
                case "artist":
                    response.Artists = Paging(request, links, Found(catalog.Artists, ids).Select(objects.Artist), total);
                    break;
                case "show":
                    response.Shows = Paging(request, links, Found(catalog.Shows, ids).Select(objects.SimplifiedShow), total);
                    break;
                case "episode":
                    response.Episodes = Paging(request, links, Found(catalog.Episodes, ids).Select(e =>
                    {
                        var episode = objects.SimplifiedEpisode(e, market);
                        // Externally hosted audio is unplayable unless the client says it can play it.
                        episode.IsPlayable &= !e.IsExternallyHosted || request.IncludeExternalAudio;
                        return episode;
                    }), total);
                    break;
                case "audiobook":
                    response.Audiobooks = Paging(request, links, Found(catalog.Audiobooks, ids).Select(objects.SimplifiedAudiobook), total);
                    break;
                case "playlist":
                    response.Playlists = Paging(request, links, await PlaylistsAsync(ids, request.HideSpotifyPlaylists, ct), total);
                    break;
            }
        }
        return response;
    }

    private async Task<CatalogIndexState> IndexAsync(CatalogSnapshot catalog)
    {
        var build = index.ForAsync(catalog);
        if (!build.IsCompleted && index.Latest is { } previous)
        {
            return previous;
        }
        try
        {
            return await build.WaitAsync(IndexWait, clock);
        }
        catch (TimeoutException)
        {
            throw new SpotifyException(StatusCodes.Status503ServiceUnavailable, "Service unavailable");
        }
    }

    /// <summary>Playlists: a small index that changes as they do, so the hits are scored and sorted.</summary>
    private static (List<string> Ids, int Total) Run(IndexSearcher searcher, Query query, Page page)
    {
        var top = searcher.Search(query, null, page.Offset + page.Limit, RelevanceThenPopularity);
        var ids = new List<string>(page.Limit);
        for (var i = page.Offset; i < top.ScoreDocs.Length; i++)
        {
            ids.Add(searcher.Doc(top.ScoreDocs[i].Doc, SearchFields.IdOnly).Get(SearchFields.Id));
        }
        return (ids, top.TotalHits);
    }

    /// <summary>The hits still in the snapshot (an index of an older snapshot may name a few that are gone).</summary>
    private static IEnumerable<T> Found<T>(IReadOnlyDictionary<string, T> items, List<string> ids)
    {
        foreach (var id in ids)
        {
            if (items.TryGetValue(id, out var item))
            {
                yield return item;
            }
        }
    }

    private async Task<List<SimplifiedPlaylistObject?>> PlaylistsAsync(List<string> ids, bool hideSpotifyPlaylists, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var (items, _) = await summaries.PageAsync(db.Playlists.AsNoTracking().Where(p => ids.Contains(p.Id)), new Page(ids.Count, 0), ct);
        var byId = items.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])
            .Select(p => hideSpotifyPlaylists && p.Owner.Id == DemoCatalogGenerator.SpotifyUserId ? null : p)];
    }

    private PagingObject<T> Paging<T>(SearchRequest request, PageLink links, IEnumerable<T> items, int total) =>
        request.Page.ToPaging(objects.Urls, links, [.. items], total);

    /// <summary>A type's next/previous links repeat the request for that type alone.</summary>
    private static PageLink LinksFor(PageLink request, string type)
    {
        var parameters = new List<KeyValuePair<string, string>>(request.Parameters.Count);
        var typed = false;
        foreach (var parameter in request.Parameters)
        {
            if (parameter.Key != "type")
            {
                parameters.Add(parameter);
            }
            else if (!typed)
            {
                parameters.Add(new("type", type));
                typed = true;
            }
        }
        return new PageLink(request.Path, parameters);
    }
}
