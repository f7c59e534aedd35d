using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jukebox.Api.Catalog;

/// <summary>A wire object already encoded as UTF-8 JSON, written verbatim into responses.</summary>
[JsonConverter(typeof(EncodedJsonConverter))]
public sealed class EncodedJson(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    /// <summary>Encodes <paramref name="value"/> exactly as it would be written inside a response.</summary>
    public static EncodedJson Of<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Http.SpotifyJsonWriting.Options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return new EncodedJson(buffer.WrittenSpan.ToArray());
    }
}

public sealed class EncodedJsonConverter : JsonConverter<EncodedJson>
{
    public override EncodedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new EncodedJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, EncodedJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}

/// <summary>
/// Encoded objects of one catalog snapshot, by key (e.g. a track, a market and the API profile whose
/// fields it has, see <see cref="Http.Policies.ProfileFields"/>): the catalog never
/// changes, so an object is encoded once and its bytes reused by every response that carries it.
/// Up to a budget of bytes per snapshot; past it objects are encoded anew each time. Gone with the snapshot.
/// </summary>
public sealed class EncodedObjects
{
    /// <summary>Room for every track of a large catalog in a few markets.</summary>
    public const long BudgetBytes = 256L * 1024 * 1024;

    private static readonly ConditionalWeakTable<CatalogSnapshot, EncodedObjects> BySnapshot = [];

    private readonly ConcurrentDictionary<(string Id, string? Market, string Profile), EncodedJson> _encoded = new();
    private long _bytes;

    public static EncodedObjects Of(CatalogSnapshot catalog) => BySnapshot.GetValue(catalog, _ => new EncodedObjects());

    public EncodedJson GetOrAdd<TState>(string id, string? market, string profile, TState state, Func<TState, EncodedJson> encode)
    {
        if (_encoded.TryGetValue((id, market, profile), out var found))
        {
            return found;
        }
        var encoded = encode(state);
        if (Interlocked.Read(ref _bytes) < BudgetBytes && _encoded.TryAdd((id, market, profile), encoded))
        {
            Interlocked.Add(ref _bytes, encoded.Utf8.Length);
        }
        return encoded;
    }
}
