using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Library;
using Jukebox.Api.Playlists.Order;
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
            .AddSingleton<CoverImages>()
            .AddSingleton<OrderCache>()
            .AddScoped<OrderStore>()
            .AddScoped<PlaylistAccess>()
            .AddScoped<PlaylistCovers>()
            .AddScoped<ChangeTransaction>()
            .AddScoped<PlaylistEditor>()
            .AddScoped<PlaylistsService>()
            .AddSingleton<ILibraryCollection, PlaylistLibrary>();
    }

    // The playlist's embedded pages link to /tracks with these of the request's parameters.
    private static async Task<IResult> GetPlaylist(
        string playlist_id, string? fields, string? additional_types, Market market, PageLink link, Caller caller, AppProfile profile,
        PlaylistsService playlists, CancellationToken ct)
    {
        var filter = FilterOf(fields);
        var playlist = await playlists.GetAsync(
            playlist_id, caller, profile, ItemOptionsOf(market, additional_types), Kept(link, "market", "additional_types"), ct);
        return Json(playlist, SpotifyJsonContext.Default.PlaylistObject, filter, profile);
    }

    private static Task<IResult> GetTracks(
        string playlist_id, string? fields, string? additional_types, Market market, PageLink link, HttpRequest request, Caller caller, AppProfile profile,
        PlaylistsService playlists, CancellationToken ct) =>
        GetItemsPage(playlist_id, fields, Page.From(request, defaultLimit: 20, maxLimit: 100), ItemOptionsOf(market, additional_types), link,
            new(caller, profile), playlists, ct);

    private static Task<IResult> GetItems(
        string playlist_id, string? fields, string? additional_types, Market market, PageLink link, HttpRequest request, Caller caller, AppProfile profile,
        PlaylistsService playlists, CancellationToken ct) =>
        GetItemsPage(playlist_id, fields, Page.From(request, defaultLimit: 20, maxLimit: 50), ItemOptionsOf(market, additional_types) with { WithItem = true }, link,
            new(caller, profile), playlists, ct);

    /// <summary>Who reads: the caller, and the profile of their app.</summary>
    private readonly record struct Reader(Caller Caller, AppProfile Profile);

    private static async Task<IResult> GetItemsPage(
        string playlistId, string? fields, Page page, PlaylistsService.ItemOptions options, PageLink link, Reader reader, PlaylistsService playlists, CancellationToken ct)
    {
        var filter = FilterOf(fields);
        var items = await playlists.ItemsAsync(playlistId, reader.Caller, reader.Profile, page, link, options, ct);
        return Json(items, SpotifyJsonContext.Default.PagingObjectPlaylistTrackObject, filter, reader.Profile);
    }

    private static async Task<IResult> ChangeDetails(string playlist_id, Caller caller, HttpContext context, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.PlaylistDetailsRequest)
            ?? throw SpotifyException.BadRequest("Malformed json");
        await editor.ChangeDetailsAsync(playlist_id, caller, PlaylistRequests.Details(body), context.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AddItems(
        string playlist_id, string? uris, string? position, Caller caller, HttpContext context, CatalogStore store, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.AddItemsRequest);
        var at = PlaylistRequests.Position(position, body);
        var entries = await PlaylistRequests.AdditionsAsync(PlaylistEntry.UrisOf(uris, body?.Uris), store);
        var snapshot = await editor.AddAsync(playlist_id, caller, entries, at, context.RequestAborted);
        return new SpotifyJson<SnapshotIdResponse>(new(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse, CachePolicy.Private, StatusCodes.Status201Created);
    }

    /// <summary>One operation, two meanings: with uris it replaces every item, else it moves a range.</summary>
    private static async Task<IResult> ReorderOrReplace(
        string playlist_id, string? uris, Caller caller, HttpContext context, CatalogStore store, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.ReorderOrReplaceRequest);
        var snapshot = PlaylistEntry.UrisOf(uris, body?.Uris) is { } replacement
            ? await editor.ReplaceAsync(playlist_id, caller, await PlaylistRequests.EntriesAsync(replacement, PlaylistErrors.TooManyToSet, store), context.RequestAborted)
            : body is { RangeStart: int start, InsertBefore: int before }
            ? await editor.ReorderAsync(playlist_id, caller, PlaylistRequests.Reorder(start, before, body.RangeLength), body.SnapshotId, context.RequestAborted)
            : throw SpotifyException.BadRequest(PlaylistErrors.MissingRange);
        return SpotifyResults.Private(new SnapshotIdResponse(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse);
    }

    private static async Task<IResult> RemoveItems(string playlist_id, Caller caller, HttpContext context, CatalogStore store, PlaylistEditor editor)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.RemoveItemsRequest);
        var removal = await PlaylistRequests.RemovalAsync(body, store);
        var snapshot = await editor.RemoveAsync(playlist_id, caller, removal, body!.SnapshotId, context.RequestAborted);
        return SpotifyResults.Private(new SnapshotIdResponse(snapshot), SpotifyJsonContext.Default.SnapshotIdResponse);
    }

    private static Task<IResult> GetMyPlaylists(
        Caller caller, AppProfile profile, PageLink link, HttpRequest request, PlaylistsService playlists, PublicUrls urls, CancellationToken ct) =>
        ListPage(caller.UserId!, new(caller, profile), link, request, playlists, urls, ct);

    private static Task<IResult> GetUserPlaylists(
        string user_id, Caller caller, AppProfile profile, PageLink link, HttpRequest request, PlaylistsService playlists, PublicUrls urls, CancellationToken ct) =>
        ListPage(user_id, new(caller, profile), link, request, playlists, urls, ct);

    private static async Task<IResult> ListPage(
        string userId, Reader reader, PageLink link, HttpRequest request, PlaylistsService playlists, PublicUrls urls, CancellationToken ct)
    {
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50, maxOffset: 100_000);
        var (items, total) = await playlists.ListAsync(userId, reader.Caller, reader.Profile, page, ct);
        return SpotifyResults.Private(page.ToPaging(urls, link, items, total), SpotifyJsonContext.Default.PagingObjectSimplifiedPlaylistObject);
    }

    private static Task<IResult> CreateMine(Caller caller, HttpContext context, PlaylistsService playlists) => Create(null, caller, context, playlists);

    private static Task<IResult> CreateForUser(string user_id, Caller caller, HttpContext context, PlaylistsService playlists) =>
        Create(user_id, caller, context, playlists);

    private static async Task<IResult> Create(string? userId, Caller caller, HttpContext context, PlaylistsService playlists)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.PlaylistDetailsRequest);
        PlaylistsService.RequireCreator(userId, caller);
        var playlist = await playlists.CreateAsync(caller, PlaylistRequests.NewDetails(body), context.RequestAborted);
        return new SpotifyJson<PlaylistObject>(playlist, SpotifyJsonContext.Default.PlaylistObject, CachePolicy.Private, StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetImages(string playlist_id, PlaylistsService playlists, CancellationToken ct) =>
        SpotifyResults.Private(await playlists.ImagesAsync(playlist_id, ct), SpotifyJsonContext.Default.ImageObjectArray);

    private static async Task<IResult> UploadImage(string playlist_id, Caller caller, HttpRequest request, PlaylistCovers covers, CancellationToken ct)
    {
        var base64 = await PlaylistRequests.ImageAsync(request, ct);
        await covers.UploadAsync(playlist_id, caller, base64, ct);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Follow(string playlist_id, Caller caller, HttpContext context, PlaylistsService playlists)
    {
        var body = await JsonBody.ReadAsync(context, SpotifyJsonContext.Default.FollowPlaylistRequest);
        await playlists.FollowAsync(playlist_id, caller, body?.Public ?? true, context.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<IResult> Unfollow(string playlist_id, Caller caller, PlaylistsService playlists, CancellationToken ct)
    {
        await playlists.UnfollowAsync(playlist_id, caller, ct);
        return TypedResults.Ok();
    }

    /// <summary>The spec allows one user id; without one it asks about the current user.</summary>
    private static async Task<IResult> FollowersContain(string playlist_id, string? ids, Caller caller, PlaylistsService playlists, CancellationToken ct)
    {
        var follows = await playlists.FollowsAsync(playlist_id, PlaylistRequests.FollowerOf(ids, caller), caller, ct);
        return SpotifyResults.Private(new[] { follows }, SpotifyJsonContext.Default.BooleanArray);
    }

    private static Task<IResult> FollowersContainOld(string user_id, string playlist_id, string? ids, Caller caller, PlaylistsService playlists, CancellationToken ct) =>
        FollowersContain(playlist_id, ids, caller, playlists, ct);

    private static PlaylistsService.ItemOptions ItemOptionsOf(Market market, string? additionalTypes) =>
        new(market.Code, (additionalTypes ?? "").Split(',', StringSplitOptions.TrimEntries).Contains("episode"));

    /// <summary>The named query parameters (several values of one joined by commas), in the order named.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Kept(PageLink link, params string[] names) =>
        [.. names.Where(n => link.Parameters.Any(p => p.Key == n))
            .Select(n => new KeyValuePair<string, string>(n, string.Join(',', link.Parameters.Where(p => p.Key == n).Select(p => p.Value))))];

    private static FieldsFilter? FilterOf(string? fields) => string.IsNullOrWhiteSpace(fields) ? null : FieldsFilter.Parse(fields);

    private static IResult Json<T>(T value, JsonTypeInfo<T> typeInfo, FieldsFilter? filter, AppProfile profile)
    {
        if (filter is null)
        {
            return SpotifyResults.Private(value, typeInfo);
        }
        // The fields filter picks from the object as the app's profile writes it.
        var node = JsonSerializer.SerializeToNode(value, ProfileFields.For(typeInfo, profile))!;
        filter.Apply(node);
        return SpotifyResults.Private(node, SpotifyJsonContext.Default.JsonNode);
    }
}
