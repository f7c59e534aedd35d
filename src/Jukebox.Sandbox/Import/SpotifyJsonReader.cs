using System.Text.Json;
using Jukebox.Api.Http;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// Reads Web API responses saved as files: an artist, album (with its <c>tracks</c> paging object) or
/// track (with its simplified album and artists), a show (with its <c>episodes</c>), episode (with its
/// show), audiobook (with its <c>chapters</c>), chapter (with its audiobook) or playlist (with its
/// items), an array of them, a paging object (<c>{"items":[…]}</c>, saved items unwrapped), a search
/// response (<c>{"tracks":{"items":[…]}}</c>) or a multi-get (<c>{"albums":[…]}</c>). Objects inside
/// objects (an album's artists, a track's album, an episode's show, a playlist's tracks) are imported
/// too, as references that a full object of the same id completes. A record that cannot be read is a
/// failure named by its JSON path.
/// </summary>
public static partial class SpotifyJsonReader
{
    private static readonly string[] Lists = ["artists", "albums", "tracks", "shows", "episodes", "audiobooks", "chapters", "playlists"];

    public static void Read(string file, Stream json, ImportedObjects into)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            into.Fail(new ImportPosition(file, $"line {e.LineNumber + 1}"), "Not JSON: " + e.Message);
            return;
        }
        using (document)
        {
            Response(file, document.RootElement, "$", into);
        }
    }

    private static void Response(string file, JsonElement root, string path, ImportedObjects into)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            Each(file, root, path, into);
            return;
        }
        if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("type", out _))
        {
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                Each(file, items, path + ".items", into);
                return;
            }
            var lists = Lists.Where(name => root.TryGetProperty(name, out _)).ToList();
            if (lists.Count > 0)
            {
                foreach (var name in lists)
                {
                    var list = root.GetProperty(name);
                    var inner = $"{path}.{name}";
                    Response(file, list, inner, into);
                }
                return;
            }
        }
        Object(file, root, path, into);
    }

    private static void Each(string file, JsonElement array, string path, ImportedObjects into)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            // A saved item ({"added_at":…,"track":{…}}, or album, show, episode), a playlist's item ({"item":{…}}).
            if (item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("type", out _)
                && (Wrapped(item, "track", at, out var inner, out var innerAt) || Wrapped(item, "album", at, out inner, out innerAt)
                    || Wrapped(item, "show", at, out inner, out innerAt) || Wrapped(item, "episode", at, out inner, out innerAt)
                    || Wrapped(item, "item", at, out inner, out innerAt)))
            {
                Object(file, inner, innerAt, into);
            }
            else
            {
                Object(file, item, at, into);
            }
        }
    }

    private static bool Wrapped(JsonElement item, string name, string at, out JsonElement inner, out string innerAt)
    {
        innerAt = $"{at}.{name}";
        return item.TryGetProperty(name, out inner) && inner.ValueKind == JsonValueKind.Object;
    }

    private static void Object(string file, JsonElement element, string path, ImportedObjects into)
    {
        var at = new ImportPosition(file, path);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return; // Spotify's null for an item it does not have (a multi-get's unknown id)
        }
        try
        {
            var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : throw new ImportException("Not a catalog object (no type)");
            switch (type)
            {
                case "artist": Artist(element, at, into, full: true); break;
                case "album": Album(element, at, into, full: true); break;
                case "track": Track(element, at, into, null); break;
                case "show": Show(element, at, into, full: true); break;
                // A chapter is typed episode too; its audiobook (or number) tells it apart.
                case "episode" when element.TryGetProperty("audiobook", out _) || element.TryGetProperty("chapter_number", out _):
                    Chapter(element, at, into, null); break;
                case "episode": Episode(element, at, into, null); break;
                case "audiobook": Audiobook(element, at, into, full: true); break;
                case "playlist": Playlist(element, at, into); break;
                default: throw new ImportException(
                    $"Objects of type {type} are not imported (artists, albums, tracks, shows, episodes, audiobooks, chapters and playlists are)");
            }
        }
        catch (Exception e) when (e is JsonException or ImportException or SpotifyException or InvalidOperationException)
        {
            into.Fail(at, e.Message);
        }
    }

    private static string Artist(JsonElement element, ImportPosition at, ImportedObjects into, bool full)
    {
        var body = element.Deserialize(FixtureJson.Artist) ?? throw new ImportException("An artist must be an object");
        var id = IdOf(body.Id);
        into.Add(id, body, at, full);
        return id;
    }

    private static void Album(JsonElement element, ImportPosition at, ImportedObjects into, bool full)
    {
        var body = element.Deserialize(FixtureJson.Album) ?? throw new ImportException("An album must be an object");
        var id = IdOf(body.Id);
        References(element, at, into);
        into.Add(id, body, at, full);
        if (element.TryGetProperty("tracks", out var tracks) && tracks.ValueKind == JsonValueKind.Object
            && tracks.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                var itemAt = at with { Where = $"{at.Where}.tracks.items[{i++}]" };
                try
                {
                    Track(item, itemAt, into, id);
                }
                catch (Exception e) when (e is JsonException or ImportException or SpotifyException or InvalidOperationException)
                {
                    into.Fail(itemAt, e.Message);
                }
            }
        }
    }

    /// <param name="albumId">The album whose <c>tracks.items</c> hold the track, if it is one of them.</param>
    private static void Track(JsonElement element, ImportPosition at, ImportedObjects into, string? albumId)
    {
        var body = element.Deserialize(FixtureJson.Track) ?? throw new ImportException("A track must be an object");
        var id = IdOf(body.Id);
        References(element, at, into);
        if (albumId is not null)
        {
            body = body with { Album = new IdFixture(albumId) };
        }
        else if (element.TryGetProperty("album", out var album) && album.ValueKind == JsonValueKind.Object && !Known(album, into.Albums))
        {
            Album(album, at with { Where = at.Where + ".album" }, into, full: false);
        }
        into.Add(id, body, at, full: albumId is null);
    }

    private static void References(JsonElement element, ImportPosition at, ImportedObjects into)
    {
        if (element.TryGetProperty("artists", out var artists) && artists.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var artist in artists.EnumerateArray())
            {
                var artistAt = at with { Where = $"{at.Where}.artists[{i++}]" };
                if (!Known(artist, into.Artists))
                {
                    Artist(artist, artistAt, into, full: false);
                }
            }
        }
    }

    /// <summary>
    /// Whether a reference names an object read already: every reference to it holds the same simplified
    /// object, so reading it again (a track's album, with every market, in each of its tracks) is skipped.
    /// </summary>
    private static bool Known<T>(JsonElement reference, Dictionary<string, T> read) =>
        reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String && read.ContainsKey(id.GetString()!);

    private static string IdOf(string? id) =>
        id is null ? throw new ImportException("id is required (objects are imported under their own ids)")
        : SpotifyIds.IsValid(id) ? id : throw new ImportException($"Invalid base62 id {id}");
}

/// <summary>A record that cannot be imported; its message is the failure's.</summary>
public sealed class ImportException(string message) : Exception(message);
