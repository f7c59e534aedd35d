using System.Text.Json.Nodes;
using Jukebox.Api.Http;

namespace Jukebox.Api.Playlists;

/// <summary>
/// The <c>fields</c> parameter of the playlist reads: a comma-separated list of field names; a dot
/// steps into a non-repeating field (<c>owner.id</c>), parentheses list fields of the objects inside
/// (<c>tracks.items(added_at,track(name,album(name)))</c>), and <c>!</c> excludes a field
/// (<c>album(!available_markets)</c>). At one level, named fields keep only those (minus the
/// excluded ones); only exclusions keep everything else. A filter on an array applies to each of its
/// objects. Names the object does not have are ignored. Hand-written: the grammar is Spotify's own
/// and no library implements it.
/// </summary>
public sealed class FieldsFilter
{
    private readonly Dictionary<string, FieldsFilter?> _include = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exclude = new(StringComparer.Ordinal);

    public static FieldsFilter Parse(string fields)
    {
        var filter = new FieldsFilter();
        var at = 0;
        filter.ParseList(fields, ref at);
        if (at != fields.Length)
        {
            throw Invalid();
        }
        return filter;
    }

    public void Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var element in array)
                {
                    Apply(element);
                }
                break;
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (_exclude.Contains(name) || (_include.Count > 0 && !_include.ContainsKey(name)))
                    {
                        obj.Remove(name);
                    }
                    else if (_include.GetValueOrDefault(name) is { } inner)
                    {
                        inner.Apply(obj[name]);
                    }
                }
                break;
        }
    }

    private void ParseList(string text, ref int at)
    {
        while (true)
        {
            ParseItem(text, ref at);
            if (at < text.Length && text[at] == ',')
            {
                at++;
                continue;
            }
            return;
        }
    }

    private void ParseItem(string text, ref int at)
    {
        var exclude = at < text.Length && text[at] == '!';
        if (exclude)
        {
            at++;
        }
        var start = at;
        while (at < text.Length && text[at] is not (',' or '.' or '(' or ')' or '!'))
        {
            at++;
        }
        var name = text[start..at].Trim();
        if (name.Length == 0)
        {
            throw Invalid();
        }
        if (at < text.Length && text[at] is '.' or '(')
        {
            var nested = text[at] == '(';
            at++;
            var inner = Inner(name);
            if (nested)
            {
                inner.ParseList(text, ref at);
                if (at >= text.Length || text[at] != ')')
                {
                    throw Invalid();
                }
                at++;
            }
            else
            {
                inner.ParseItem(text, ref at);
            }
            if (exclude)
            {
                throw Invalid();
            }
            return;
        }
        if (exclude)
        {
            _exclude.Add(name);
        }
        else
        {
            _include[name] = null;
        }
    }

    /// <summary>The filter inside <paramref name="name"/>, shared by every item that names it.</summary>
    private FieldsFilter Inner(string name)
    {
        if (_include.TryGetValue(name, out var existing))
        {
            // A field named whole elsewhere stays whole.
            return existing ?? new FieldsFilter();
        }
        var inner = new FieldsFilter();
        _include[name] = inner;
        return inner;
    }

    private static SpotifyException Invalid() => SpotifyException.BadRequest("Invalid fields parameter");
}
