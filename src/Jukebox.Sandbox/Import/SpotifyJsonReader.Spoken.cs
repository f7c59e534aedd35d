using System.Text.Json;
using Jukebox.Api.Http;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>Shows, episodes, audiobooks, chapters and playlists, read as <see cref="SpotifyJsonReader"/> reads music.</summary>
public static partial class SpotifyJsonReader
{
    private static void Show(JsonElement element, ImportPosition at, ImportedObjects into, bool full)
    {
        var body = element.Deserialize(FixtureJson.Show) ?? throw new ImportException("A show must be an object");
        var id = IdOf(body.Id);
        into.Add(id, body, at, full);
        Children(element, "episodes", at, into, (item, itemAt, index) =>
        {
            var episodeId = Episode(item, itemAt, into, id);
            into.EpisodeNumbers[episodeId] = index.Total - index.Position;
        });
    }

    /// <param name="showId">The show whose <c>episodes.items</c> hold the episode, if it is one of them.</param>
    private static string Episode(JsonElement element, ImportPosition at, ImportedObjects into, string? showId)
    {
        var body = element.Deserialize(FixtureJson.Episode) ?? throw new ImportException("An episode must be an object");
        var id = IdOf(body.Id);
        if (showId is not null)
        {
            body = body with { Show = new IdFixture(showId) };
        }
        else if (element.TryGetProperty("show", out var show) && show.ValueKind == JsonValueKind.Object && !Known(show, into.Shows))
        {
            Show(show, at with { Where = at.Where + ".show" }, into, full: false);
        }
        into.Add(id, body, at, full: showId is null);
        return id;
    }

    private static void Audiobook(JsonElement element, ImportPosition at, ImportedObjects into, bool full)
    {
        var body = element.Deserialize(FixtureJson.Audiobook) ?? throw new ImportException("An audiobook must be an object");
        var id = IdOf(body.Id);
        into.Add(id, body, at, full);
        Children(element, "chapters", at, into, (item, itemAt, _) => Chapter(item, itemAt, into, id));
    }

    /// <param name="audiobookId">The audiobook whose <c>chapters.items</c> hold the chapter, if it is one of them.</param>
    private static void Chapter(JsonElement element, ImportPosition at, ImportedObjects into, string? audiobookId)
    {
        var body = element.Deserialize(FixtureJson.Chapter) ?? throw new ImportException("A chapter must be an object");
        var id = IdOf(body.Id);
        if (audiobookId is not null)
        {
            body = body with { Audiobook = new IdFixture(audiobookId) };
        }
        else if (element.TryGetProperty("audiobook", out var book) && book.ValueKind == JsonValueKind.Object && !Known(book, into.Audiobooks))
        {
            Audiobook(book, at with { Where = at.Where + ".audiobook" }, into, full: false);
        }
        into.Add(id, body, at, full: audiobookId is null);
    }

    /// <summary>
    /// A playlist with its items (<c>items</c>, or <c>tracks</c> in older responses), whose tracks and
    /// episodes are imported too. Its items must all be in the object: a playlist is imported whole.
    /// </summary>
    private static void Playlist(JsonElement element, ImportPosition at, ImportedObjects into)
    {
        var body = element.Deserialize(FixtureJson.Playlist) ?? throw new ImportException("A playlist must be an object");
        var id = IdOf(body.Id);
        var name = element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object ? "items" : "tracks";
        if (element.TryGetProperty(name, out var page) && page.ValueKind == JsonValueKind.Object
            && page.TryGetProperty("items", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            var held = entries.GetArrayLength();
            if (page.TryGetProperty("total", out var total) && total.TryGetInt32(out var count) && count > held)
            {
                throw new ImportException($"The object holds {held} of the playlist's {count} items (a playlist is imported whole, from one object)");
            }
            var i = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                PlaylistEntry(entry, at with { Where = $"{at.Where}.{name}.items[{i++}]" }, into);
            }
        }
        into.Add(id, body, at);
    }

    /// <summary>The track or episode of a playlist's entry, imported as a full object (local files are not catalog objects).</summary>
    private static void PlaylistEntry(JsonElement entry, ImportPosition at, ImportedObjects into)
    {
        if (entry.ValueKind != JsonValueKind.Object || (entry.TryGetProperty("is_local", out var local) && local.ValueKind == JsonValueKind.True))
        {
            return;
        }
        var name = entry.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object ? "item" : "track";
        // A reference by uri alone (as a hand-written file may hold) names an object, it does not bring one.
        if (!entry.TryGetProperty(name, out item) || item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("type", out var type)
            || !item.TryGetProperty("id", out _) || !item.TryGetProperty("name", out _))
        {
            return;
        }
        var itemAt = at with { Where = $"{at.Where}.{name}" };
        try
        {
            switch (type.GetString())
            {
                case "track": Track(item, itemAt, into, null); break;
                case "episode": Episode(item, itemAt, into, null); break;
            }
        }
        catch (Exception e) when (e is JsonException or ImportException or SpotifyException or InvalidOperationException)
        {
            into.Fail(itemAt, e.Message);
        }
    }

    /// <summary>Each object of a paging object's <c>items</c> (<paramref name="name"/>.items), with its place among all the pages' items.</summary>
    private static void Children(JsonElement parent, string name, ImportPosition at, ImportedObjects into, Action<JsonElement, ImportPosition, (int Position, int Total)> read)
    {
        if (!parent.TryGetProperty(name, out var page) || page.ValueKind != JsonValueKind.Object
            || !page.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        var offset = page.TryGetProperty("offset", out var o) && o.TryGetInt32(out var first) ? first : 0;
        var total = page.TryGetProperty("total", out var t) && t.TryGetInt32(out var all) ? all : offset + items.GetArrayLength();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemAt = at with { Where = $"{at.Where}.{name}.items[{i}]" };
            try
            {
                read(item, itemAt, (offset + i, total));
            }
            catch (Exception e) when (e is JsonException or ImportException or SpotifyException or InvalidOperationException)
            {
                into.Fail(itemAt, e.Message);
            }
            i++;
        }
    }
}
