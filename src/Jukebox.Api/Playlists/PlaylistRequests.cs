using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Playlists;

/// <summary>
/// What the playlist endpoints' requests mean: their bodies and parameters parsed and checked as far
/// as they can be without the playlist, in the order Spotify reports the errors.
/// </summary>
public static class PlaylistRequests
{
    public const int MaxPerRequest = 100;
    public const int MaxNameLength = 512;
    public const int MaxDescriptionLength = 300;

    /// <summary>The largest cover upload: 256 KB of base64 text, as the spec says.</summary>
    public const int MaxImageBytes = 256 * 1024;

    /// <summary>A new playlist's details: a name is required.</summary>
    public static PlaylistDetailsRequest NewDetails(PlaylistDetailsRequest? body) =>
        body?.Name is null ? throw SpotifyException.BadRequest(PlaylistErrors.MissingName) : Details(body);

    /// <summary>Details to set; any of them may be left out.</summary>
    public static PlaylistDetailsRequest Details(PlaylistDetailsRequest body)
    {
        if (body.Name is { Length: 0 or > MaxNameLength })
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NameTooLong);
        }
        if (body.Description is { Length: > MaxDescriptionLength })
        {
            throw SpotifyException.BadRequest(PlaylistErrors.DescriptionTooLong);
        }
        return body;
    }

    /// <summary>The entries to add or to replace the items with; <paramref name="tooMany"/> is the 400's text beyond 100.</summary>
    public static async Task<List<PlaylistEntry>> EntriesAsync(IReadOnlyList<string?>? uris, string tooMany, CatalogStore store)
    {
        if (uris is null)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NoUris);
        }
        if (uris.Count > MaxPerRequest)
        {
            throw SpotifyException.BadRequest(tooMany);
        }
        var catalog = await store.GetAsync();
        return [.. uris.Select(u => PlaylistEntry.Parse(u, catalog, allowLocal: false))];
    }

    public static async Task<List<PlaylistEntry>> AdditionsAsync(IReadOnlyList<string?>? uris, CatalogStore store)
    {
        var entries = await EntriesAsync(uris, PlaylistErrors.TooManyToAdd, store);
        return entries.Count > 0 ? entries : throw SpotifyException.BadRequest(PlaylistErrors.NoUris);
    }

    /// <summary>The position query parameter of an add, which wins over the body's.</summary>
    public static int? Position(string? query, AddItemsRequest? body) =>
        query is null ? body?.Position
        : int.TryParse(query, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) ? index
        : throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);

    public static ReorderRequest Reorder(int rangeStart, int insertBefore, int? rangeLength)
    {
        var length = rangeLength ?? 1;
        if (rangeStart < 0 || insertBefore < 0 || length < 1)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
        }
        return new ReorderRequest(rangeStart, insertBefore, length);
    }

    public static async Task<RemovalRequest> RemovalAsync(RemoveItemsRequest? body, CatalogStore store)
    {
        var named = body?.Items ?? body?.Tracks;
        if (body is null || (named is null && body.Positions is null))
        {
            throw SpotifyException.BadRequest(PlaylistErrors.MissingTracks);
        }
        if (named?.Count > MaxPerRequest || body.Positions?.Count > MaxPerRequest)
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

    /// <summary>The cover upload's body: base64 text of at most <see cref="MaxImageBytes"/> (413 beyond).</summary>
    public static async Task<string> ImageAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImageBytes)
        {
            throw new SpotifyException(StatusCodes.Status413PayloadTooLarge, PlaylistErrors.ImageTooLarge);
        }
        var buffer = new byte[MaxImageBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        if (read > MaxImageBytes)
        {
            throw new SpotifyException(StatusCodes.Status413PayloadTooLarge, PlaylistErrors.ImageTooLarge);
        }
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>The one user id that the followers check asks about; the current user's without one.</summary>
    public static string FollowerOf(string? ids, Caller caller)
    {
        var users = string.IsNullOrWhiteSpace(ids) ? [caller.UserId ?? throw SpotifyException.BadRequest(PlaylistErrors.MissingUser)] : ids.Split(',', StringSplitOptions.TrimEntries);
        return users.Length == 1 ? users[0] : throw SpotifyException.BadRequest(PlaylistErrors.TooManyUsers);
    }
}

/// <summary>What to remove: entries by uri (each with positions or without), or bare positions.</summary>
public sealed record RemovalRequest(IReadOnlyList<(PlaylistEntry Entry, IReadOnlyList<int>? Positions)> Entries, IReadOnlyList<int>? Positions);

/// <summary>A range to move: <paramref name="RangeLength"/> items from <paramref name="RangeStart"/> to before <paramref name="InsertBefore"/>.</summary>
public sealed record ReorderRequest(int RangeStart, int InsertBefore, int RangeLength);
