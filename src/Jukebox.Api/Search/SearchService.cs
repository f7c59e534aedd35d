using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Lucene.Net.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Search;

/// <summary>A validated search request.</summary>
public sealed record SearchRequest(SearchQuery Query, IReadOnlyList<string> Types, string? Market, Page Page, bool IncludeExternalAudio);

/// <summary>Runs a search per requested type and maps the hits to the spec's objects.</summary>
public sealed class SearchService(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, CatalogObjects objects,
    PlaylistSummaries summaries, IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Types = ["album", "artist", "playlist", "track", "show", "episode", "audiobook"];

    /// <summary>How long a request waits for the first index after a start before it answers 503.</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(10);

    private static readonly Sort RelevanceThenPopularity = new(SortField.FIELD_SCORE, new SortField(SearchFields.Rank, SortFieldType.INT64, true));

    /// <summary>Reads q, type, include_external, limit and offset with Spotify's rules and messages.</summary>
    public static SearchRequest Parse(HttpContext context)
    {
        var query = context.Request.Query;
        var q = query["q"].ToString();
        if (string.IsNullOrWhiteSpace(q))
        {
            throw SpotifyException.BadRequest("No search query");
        }
        var type = query["type"].ToString();
        if (string.IsNullOrWhiteSpace(type))
        {
            throw SpotifyException.BadRequest("Missing parameter type");
        }
        var types = type.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (types.Count == 0 || types.Any(t => !Types.Contains(t)))
        {
            throw SpotifyException.BadRequest("Bad search type field");
        }
        var external = query["include_external"].ToString();
        if (external.Length > 0 && external != "audio")
        {
            throw SpotifyException.BadRequest("Bad include_external value");
        }
        var page = Page.From(context.Request, defaultLimit: 5, maxLimit: 10, maxOffset: 1000);
        return new SearchRequest(SearchQuery.Parse(q), types, Market.Resolve(context), page, external == "audio");
    }

    public async Task<SearchResponse> SearchAsync(SearchRequest request, HttpRequest http, CancellationToken ct)
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
            var links = new LinkParameters(http, type);
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
                    response.Playlists = Paging(request, links, await PlaylistsAsync(ids, ct), total);
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

    private async Task<List<SimplifiedPlaylistObject>> PlaylistsAsync(List<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var (items, _) = await summaries.PageAsync(db.Playlists.AsNoTracking().Where(p => ids.Contains(p.Id)), new Page(ids.Count, 0), ct);
        var byId = items.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private PagingObject<T> Paging<T>(SearchRequest request, LinkParameters links, IEnumerable<T> items, int total) =>
        request.Page.ToPaging(objects.Urls, links.Path, links.Parameters, [.. items], total);

    /// <summary>A type's next/previous links repeat the request for that type alone.</summary>
    private sealed class LinkParameters(HttpRequest request, string type)
    {
        public string Path => $"{request.PathBase}{request.Path}";

        public IEnumerable<KeyValuePair<string, string>> Parameters =>
            request.Query.Where(q => q.Key is not ("offset" or "limit"))
                .SelectMany(q => q.Key == "type" ? [new KeyValuePair<string, string>("type", type)]
                    : q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
    }
}
