using Jukebox.Api.Library;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Playlists;

public static class PlaylistsEndpoints
{
    public static void MapPlaylists(this IEndpointRouteBuilder api)
    {
        api.MapGet("/playlists/{playlist_id}", GetPlaylist);
        api.MapPut("/playlists/{playlist_id}", ChangeDetails);
        api.MapGet("/playlists/{playlist_id}/tracks", GetTracks);
        api.MapGet("/playlists/{playlist_id}/items", GetItems);
        api.MapPost("/playlists/{playlist_id}/tracks", AddItems);
        api.MapPost("/playlists/{playlist_id}/items", AddItems);
        api.MapPut("/playlists/{playlist_id}/tracks", ReorderOrReplace);
        api.MapPut("/playlists/{playlist_id}/items", ReorderOrReplace);
        api.MapDelete("/playlists/{playlist_id}/tracks", RemoveItems);
        api.MapDelete("/playlists/{playlist_id}/items", RemoveItems);
        api.MapGet("/me/playlists", GetMyPlaylists);
        api.MapPost("/me/playlists", CreateMine);
        api.MapGet("/users/{user_id}/playlists", GetUserPlaylists);
        api.MapPost("/users/{user_id}/playlists", CreateForUser);
        api.MapGet("/playlists/{playlist_id}/images", GetImages);
        api.MapPut("/playlists/{playlist_id}/images", UploadImage);
        api.MapPut("/playlists/{playlist_id}/followers", Follow);
        api.MapDelete("/playlists/{playlist_id}/followers", Unfollow);
        api.MapGet("/playlists/{playlist_id}/followers/contains", FollowersContain);
        // The path before Spotify dropped the owner from playlist URLs; spotify-web-api-node still calls it.
        api.MapGet("/users/{user_id}/playlists/{playlist_id}/followers/contains", FollowersContainOld);
    }

    public static IServiceCollection AddPlaylists(this IServiceCollection services)
    {
        services.AddOptions<PlaylistOptions>().BindConfiguration("Playlists");
        return services
            .AddSingleton<PlaylistCovers>()
            .AddSingleton<PlaylistOrders>()
            .AddScoped<PlaylistRanks>()
            .AddScoped<PlaylistEditor>()
            .AddScoped<PlaylistsService>()
            .AddSingleton<ILibraryCollection, PlaylistLibrary>();
    }

    private static async Task<IResult> GetPlaylist(string playlist_id, string? fields, HttpContext context, PlaylistsService playlists)
    {
        var filter = FilterOf(fields);
        var playlist = await playlists.GetAsync(playlist_id, ItemOptionsOf(context), Kept(context.Request, "market", "additional_types"), context.RequestAborted);
        return Json(playlist, SpotifyJsonContext.Default.PlaylistObject, filter);
    }

    private static Task<IResult> GetTracks(string playlist_id, string? fields, HttpContext context, PlaylistsService playlists) =>
        GetItemsPage(playlist_id, fields, maxLimit: 100, context, playlists);

    private static Task<IResult> GetItems(string playlist_id, string? fields, HttpContext context, PlaylistsService playlists) =>
        GetItemsPage(playlist_id, fields, maxLimit: 50, context, playlists);

    private static async Task<IResult> GetItemsPage(string playlist_id, string? fields, int maxLimit, HttpContext context, PlaylistsService playlists)
    {
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: maxLimit);
        var filter = FilterOf(fields);
        var options = ItemOptionsOf(context) with { WithItem = context.Request.Path.Value!.EndsWith("/items", StringComparison.Ordinal) };
        var items = await playlists.ItemsAsync(playlist_id, page, context.Request, options, context.RequestAborted);
        return Json(items, SpotifyJsonContext.Default.PagingObjectPlaylistTrackObject, filter);
    }

    private static async Task<IResult> ChangeDetails(string playlist_id, HttpContext context, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.PlaylistDetailsRequest)
            ?? throw SpotifyException.BadRequest("Malformed json");
        await editor.ChangeDetailsAsync(playlist_id, Caller.From(context), body, context.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AddItems(string playlist_id, string? uris, string? position, HttpContext context, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.AddItemsRequest);
        var at = position is null ? body?.Position : ParseIndex(position);
        var snapshot = await editor.AddAsync(playlist_id, Caller.From(context), PlaylistEntry.UrisOf(uris, body?.Uris), at, context.RequestAborted);
        return new SpotifyJson<SnapshotIdResponse>(new(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse, CachePolicy.Private, StatusCodes.Status201Created);
    }

    /// <summary>One operation, two meanings: with uris it replaces every item, else it moves a range.</summary>
    private static async Task<IResult> ReorderOrReplace(string playlist_id, string? uris, HttpContext context, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.ReorderOrReplaceRequest);
        var caller = Caller.From(context);
        string snapshot;
        if (PlaylistEntry.UrisOf(uris, body?.Uris) is { } replacement)
        {
            snapshot = await editor.ReplaceAsync(playlist_id, caller, replacement, context.RequestAborted);
        }
        else if (body is { RangeStart: int start, InsertBefore: int before })
        {
            snapshot = await editor.ReorderAsync(playlist_id, caller, start, before, body.RangeLength ?? 1, body.SnapshotId, context.RequestAborted);
        }
        else
        {
            throw SpotifyException.BadRequest(PlaylistErrors.MissingRange);
        }
        return SpotifyResults.Private(new SnapshotIdResponse(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse);
    }

    private static async Task<IResult> RemoveItems(string playlist_id, HttpContext context, PlaylistEditor editor, CatalogStore store)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.RemoveItemsRequest)
            ?? throw SpotifyException.BadRequest(PlaylistErrors.MissingTracks);
        var request = await RemovalOf(body, store);
        var snapshot = await editor.RemoveAsync(playlist_id, Caller.From(context), request, body.SnapshotId, context.RequestAborted);
        return SpotifyResults.Private(new SnapshotIdResponse(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse);
    }

    private static async Task<IResult> GetMyPlaylists(HttpContext context, PlaylistsService playlists, PublicUrls urls)
    {
        var caller = Caller.From(context);
        return await ListPage(caller.UserId!, caller, context, playlists, urls);
    }

    private static Task<IResult> GetUserPlaylists(string user_id, HttpContext context, PlaylistsService playlists, PublicUrls urls) =>
        ListPage(user_id, Caller.From(context), context, playlists, urls);

    private static async Task<IResult> ListPage(string userId, Caller caller, HttpContext context, PlaylistsService playlists, PublicUrls urls)
    {
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50, maxOffset: 100_000);
        var (items, total) = await playlists.ListAsync(userId, caller, page, context.RequestAborted);
        return SpotifyResults.Private(page.ToPaging(context.Request, urls, items, total), SpotifyJsonContext.Default.PagingObjectSimplifiedPlaylistObject);
    }

    private static Task<IResult> CreateMine(HttpContext context, PlaylistsService playlists) => Create(null, context, playlists);

    private static Task<IResult> CreateForUser(string user_id, HttpContext context, PlaylistsService playlists) => Create(user_id, context, playlists);

    private static async Task<IResult> Create(string? userId, HttpContext context, PlaylistsService playlists)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.PlaylistDetailsRequest);
        var playlist = await playlists.CreateAsync(userId, Caller.From(context), body, context.RequestAborted);
        return new SpotifyJson<PlaylistObject>(playlist, SpotifyJsonContext.Default.PlaylistObject, CachePolicy.Private, StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetImages(string playlist_id, HttpContext context, PlaylistsService playlists) =>
        SpotifyResults.Private(await playlists.ImagesAsync(playlist_id, context.RequestAborted), SpotifyJsonContext.Default.ImageObjectArray);

    private static async Task<IResult> UploadImage(string playlist_id, HttpContext context, PlaylistsService playlists)
    {
        await playlists.UploadImageAsync(playlist_id, Caller.From(context), context.Request, context.RequestAborted);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Follow(string playlist_id, HttpContext context, PlaylistsService playlists)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.FollowPlaylistRequest);
        await playlists.FollowAsync(playlist_id, Caller.From(context), body?.Public ?? true, context.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<IResult> Unfollow(string playlist_id, HttpContext context, PlaylistsService playlists)
    {
        await playlists.UnfollowAsync(playlist_id, Caller.From(context), context.RequestAborted);
        return TypedResults.Ok();
    }

    /// <summary>The spec allows one user id; without one it asks about the current user.</summary>
    private static async Task<IResult> FollowersContain(string playlist_id, string? ids, HttpContext context, PlaylistsService playlists)
    {
        var caller = Caller.From(context);
        var users = string.IsNullOrWhiteSpace(ids) ? [caller.UserId ?? throw SpotifyException.BadRequest(PlaylistErrors.MissingUser)] : ids.Split(',', StringSplitOptions.TrimEntries);
        if (users.Length > 1)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.TooManyUsers);
        }
        var follows = await playlists.FollowsAsync(playlist_id, users[0], caller, context.RequestAborted);
        return SpotifyResults.Private(new[] { follows }, SpotifyJsonContext.Default.BooleanArray);
    }

    private static Task<IResult> FollowersContainOld(string user_id, string playlist_id, string? ids, HttpContext context, PlaylistsService playlists) =>
        FollowersContain(playlist_id, ids, context, playlists);

    private static async Task<RemovalRequest> RemovalOf(RemoveItemsRequest body, CatalogStore store)
    {
        var named = body.Items ?? body.Tracks;
        if (named is null && body.Positions is null)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.MissingTracks);
        }
        if (named?.Count > PlaylistEditor.MaxPerRequest || body.Positions?.Count > PlaylistEditor.MaxPerRequest)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.TooManyToRemove);
        }
        var catalog = await store.GetAsync();
        var entries = new List<(PlaylistEntry, IReadOnlyList<int>?)>();
        foreach (var item in named ?? [])
        {
            var entry = PlaylistEntry.Parse(item?.Uri, catalog, allowLocal: true);
            if (entry.LocalUri is not null && item!.Positions is null)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.LocalNeedsPositions);
            }
            entries.Add((entry, item!.Positions));
        }
        return new RemovalRequest(entries, body.Positions);
    }

    private static PlaylistsService.ItemOptions ItemOptionsOf(HttpContext context)
    {
        var types = context.Request.Query["additional_types"].ToString().Split(',', StringSplitOptions.TrimEntries);
        return new PlaylistsService.ItemOptions(Market.Resolve(context), types.Contains("episode"));
    }

    /// <summary>The named query parameters, for the links of the playlist's embedded page of items.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Kept(HttpRequest request, params string[] names) =>
        [.. names.Where(request.Query.ContainsKey).Select(n => new KeyValuePair<string, string>(n, request.Query[n].ToString()))];

    private static FieldsFilter? FilterOf(string? fields) => string.IsNullOrWhiteSpace(fields) ? null : FieldsFilter.Parse(fields);

    private static int ParseIndex(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);

    private static IResult Json<T>(T value, JsonTypeInfo<T> typeInfo, FieldsFilter? filter)
    {
        if (filter is null)
        {
            return SpotifyResults.Private(value, typeInfo);
        }
        var node = JsonSerializer.SerializeToNode(value, typeInfo)!;
        filter.Apply(node);
        return SpotifyResults.Private(node, SpotifyJsonContext.Default.JsonNode);
    }
}
