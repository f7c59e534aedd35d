using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jukebox.Api.Catalog;

/// <summary>Writes a market list from its pre-encoded bytes: a large array that most objects share.</summary>
public sealed class MarketSetJsonConverter : JsonConverter<MarketSet>
{
    public override MarketSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, CatalogJsonContext.Default.IReadOnlyListString) ?? []);

    public override void Write(Utf8JsonWriter writer, MarketSet value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
