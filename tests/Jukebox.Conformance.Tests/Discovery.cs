using System.Text.Json;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// Real ids and state found on (or made on) the server, each the first time an operation needs it
/// and then kept: albums from the new releases and their tracks, an editorial playlist and its
/// owner, the user's own playlist, a device playback was transferred to. A failed step fails every
/// operation that needs it, with the step's request and answer.
/// </summary>
public sealed class Discovery
{
    private readonly ConformanceTarget _target;
    private readonly Lazy<Task<Catalog>> _catalog;
    private readonly Lazy<Task<Spoken>> _spoken;
    private readonly Lazy<Task<(string Id, string OwnerId)>> _editorial;
    private readonly Lazy<Task<string>> _category;
    private readonly Lazy<Task<string>> _playlist;
    private readonly Lazy<Task<string>> _device;

    public Discovery(ConformanceTarget target)
    {
        _target = target;
        _catalog = new(FindCatalogAsync);
        _spoken = new(FindSpokenAsync);
        _editorial = new(FindEditorialPlaylistAsync);
        _category = new(FindCategoryAsync);
        _playlist = new(CreatePlaylistAsync);
        _device = new(TransferPlaybackAsync);
    }

    /// <summary>Two albums, two artists, five tracks playable in the user's country.</summary>
    public sealed record Catalog(string[] Albums, string[] Artists, string[] Tracks);

    /// <summary>Shows, episodes, audiobooks and chapters (one or two of each).</summary>
    public sealed record Spoken(string[] Shows, string[] Episodes, string[] Audiobooks, string[] Chapters);

    public Task<Catalog> CatalogAsync() => _catalog.Value;
    public Task<Spoken> SpokenAsync() => _spoken.Value;
    public Task<(string Id, string OwnerId)> EditorialPlaylistAsync() => _editorial.Value;
    public Task<string> CategoryAsync() => _category.Value;

    /// <summary>A private playlist of the user's own holding the first three tracks.</summary>
    public Task<string> PlaylistAsync() => _playlist.Value;

    /// <summary>A device from GET /me/player/devices that playback has been transferred to.</summary>
    public Task<string> DeviceAsync() => _device.Value;

    /// <summary>
    /// Starts playing the first three tracks at the second one on the device, in order (shuffle off:
    /// shuffled, the chosen track plays first and previous has nowhere to go).
    /// </summary>
    public async Task<string> StartPlaybackAsync()
    {
        var device = await DeviceAsync();
        var tracks = (await CatalogAsync()).Tracks;
        await _target.SetupAsync(HttpMethod.Put, $"/v1/me/player/shuffle?state=false&device_id={System.Uri.EscapeDataString(device)}");
        await _target.SetupAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={System.Uri.EscapeDataString(device)}",
            new { uris = tracks.Take(3).Select(Uri("track")).ToArray(), offset = new { position = 1 }, position_ms = 0 });
        return device;
    }

    public static Func<string, string> Uri(string type) => id => $"spotify:{type}:{id}";

    private async Task<Catalog> FindCatalogAsync()
    {
        var releases = await _target.GetAsync("/v1/browse/new-releases?limit=20");
        var albums = releases.GetProperty("albums").GetProperty("items").EnumerateArray().ToList();
        var tracks = new List<string>();
        foreach (var album in albums)
        {
            var page = await _target.GetAsync($"/v1/albums/{album.GetProperty("id").GetString()}/tracks?limit=50");
            tracks.AddRange(page.GetProperty("items").EnumerateArray()
                .Where(t => !t.TryGetProperty("is_playable", out var playable) || playable.ValueKind != JsonValueKind.False)
                .Select(t => t.GetProperty("id").GetString()!));
            if (tracks.Count >= 5)
            {
                break;
            }
        }
        var artists = albums.Select(a => a.GetProperty("artists")[0].GetProperty("id").GetString()!).Distinct().Take(2).ToArray();
        if (albums.Count < 2 || artists.Length < 2 || tracks.Count < 5)
        {
            throw new SetupFailedException("The new releases do not hold two albums by two artists with five playable tracks.");
        }
        return new Catalog([.. albums.Take(2).Select(a => a.GetProperty("id").GetString()!)], artists, [.. tracks.Take(5)]);
    }

    /// <summary>
    /// No catalog list leads to shows or audiobooks: an in-process server's catalog names them,
    /// any other server is searched. Their episodes and chapters come from the API.
    /// </summary>
    private async Task<Spoken> FindSpokenAsync()
    {
        string[] shows, audiobooks;
        if (_target.InProcess is { } server)
        {
            var catalog = await server.CatalogAsync();
            shows = [.. catalog.Shows.Keys.Order(StringComparer.Ordinal).Take(2)];
            audiobooks = [.. catalog.Audiobooks.Keys.Order(StringComparer.Ordinal).Take(2)];
        }
        else
        {
            (shows, audiobooks) = await SearchSpokenAsync();
        }
        var episodes = await _target.GetAsync($"/v1/shows/{shows[0]}/episodes?limit=2");
        var chapters = await _target.GetAsync($"/v1/audiobooks/{audiobooks[0]}/chapters?limit=2");
        return new Spoken(shows, Ids(episodes.GetProperty("items")), audiobooks, Ids(chapters.GetProperty("items")));
    }

    private async Task<(string[] Shows, string[] Audiobooks)> SearchSpokenAsync()
    {
        foreach (var query in new[] { "the", "a", "of", "e" })
        {
            var found = await _target.GetAsync($"/v1/search?q={query}&type=show,audiobook&limit=2");
            var shows = Ids(found.GetProperty("shows").GetProperty("items"));
            var audiobooks = Ids(found.GetProperty("audiobooks").GetProperty("items"));
            if (shows.Length > 0 && audiobooks.Length > 0)
            {
                return (shows, audiobooks);
            }
        }
        throw new SetupFailedException("Searching for shows and audiobooks found none.");
    }

    private static string[] Ids(JsonElement items) =>
        [.. items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => i.GetProperty("id").GetString()!)];

    /// <summary>
    /// A Spotify-owned playlist and its owner; for an app whose profile hides those (every restricted
    /// one, see PlaylistProfileTests), the user's own playlist, so the operations that follow a playlist
    /// or read its owner are still tried.
    /// </summary>
    private async Task<(string, string)> FindEditorialPlaylistAsync()
    {
        if (_target.Profile != Jukebox.Data.Entities.ApiProfiles.Full)
        {
            return (await PlaylistAsync(), _target.UserId);
        }
        var featured = await _target.GetAsync("/v1/browse/featured-playlists?limit=1");
        var playlist = featured.GetProperty("playlists").GetProperty("items")[0];
        return (playlist.GetProperty("id").GetString()!, playlist.GetProperty("owner").GetProperty("id").GetString()!);
    }

    private async Task<string> FindCategoryAsync()
    {
        var categories = await _target.GetAsync("/v1/browse/categories?limit=1");
        return categories.GetProperty("categories").GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private async Task<string> CreatePlaylistAsync()
    {
        var tracks = (await CatalogAsync()).Tracks;
        var playlist = await _target.SetupAsync(HttpMethod.Post, "/v1/me/playlists",
            new { name = "Conformance", description = "Made by the conformance suite", @public = false });
        var id = playlist.GetProperty("id").GetString()!;
        await _target.SetupAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = tracks.Take(3).Select(Uri("track")).ToArray() });
        return id;
    }

    private async Task<string> TransferPlaybackAsync()
    {
        var devices = (await _target.GetAsync("/v1/me/player/devices")).GetProperty("devices").EnumerateArray()
            .Where(d => d.GetProperty("id").ValueKind == JsonValueKind.String && !d.GetProperty("is_restricted").GetBoolean())
            .OrderByDescending(d => d.TryGetProperty("supports_volume", out var volume) && volume.ValueKind == JsonValueKind.True)
            .ToList();
        if (devices.Count == 0)
        {
            throw new SetupFailedException("GET /v1/me/player/devices lists no controllable device for the user: the player operations need one.");
        }
        var device = devices[0].GetProperty("id").GetString()!;
        await _target.SetupAsync(HttpMethod.Put, "/v1/me/player", new { device_ids = new[] { device } });
        return device;
    }
}
