using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jukebox.Api.Http;

/// <summary>
/// A URL or URI the API returns (an href, a uri, an external or image URL), kept as the parts it is
/// made of: a prefix that every object of a kind shares, the object's id and an optional suffix. The
/// serializer writes the parts as one JSON string, so a response does not build a string for each of
/// the dozen links a track carries (they were half of what a track request allocated). A string
/// converts to a link and back; <see cref="ToString"/> gives the whole text.
/// </summary>
[JsonConverter(typeof(LinkJsonConverter))]
public readonly struct Link : IEquatable<Link>
{
    /// <summary>Links longer than this are written from a string rather than from a stack buffer.</summary>
    private const int MaxStackLength = 512;

    private readonly string? _prefix;
    private readonly string? _id;
    private readonly string? _suffix;

    public Link(string prefix, string id, string? suffix = null)
    {
        _prefix = prefix;
        _id = id;
        _suffix = suffix;
    }

    /// <summary>False for the default value, which is written as null.</summary>
    public bool HasValue => _prefix is not null;

    public static implicit operator Link(string value) => new(value, "");

    public static implicit operator string(Link link) => link.ToString();

    public override string ToString() => _prefix is null ? "" : string.Concat(_prefix, _id, _suffix);

    public bool Equals(Link other) => HasValue == other.HasValue && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is Link other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (_prefix is null)
        {
            writer.WriteNullValue();
            return;
        }
        var length = _prefix.Length + _id!.Length + (_suffix?.Length ?? 0);
        if (_id.Length == 0 && _suffix is null)
        {
            writer.WriteStringValue(_prefix);
        }
        else if (length > MaxStackLength)
        {
            writer.WriteStringValue(ToString());
        }
        else
        {
            Span<char> text = stackalloc char[length];
            _prefix.CopyTo(text);
            _id.CopyTo(text[_prefix.Length..]);
            _suffix?.CopyTo(text[(_prefix.Length + _id.Length)..]);
            writer.WriteStringValue(text);
        }
    }

    /// <summary>
    /// The prefixes of one kind of link, made once: "spotify:track:", "https://host/v1/albums/", and so on.
    /// A handful per server (one per kind and base URL).
    /// </summary>
    internal sealed class Prefixes(Func<string, string> make)
    {
        private readonly ConcurrentDictionary<string, string> _made = new(StringComparer.Ordinal);

        public string For(string kind) => _made.GetOrAdd(kind, make);
    }
}

public sealed class LinkJsonConverter : JsonConverter<Link>
{
    public override bool HandleNull => true;

    public override Link Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? default : new Link(reader.GetString()!, "");

    public override void Write(Utf8JsonWriter writer, Link value, JsonSerializerOptions options) => value.WriteTo(writer);
}
