using System.Text.Json;
using System.Text.Json.Serialization;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jukebox.Data.Configurations;

/// <summary>
/// A catalog object's own images, kept in one nullable text column as the JSON array the Web API
/// writes (<c>[{"url":…,"height":…,"width":…}]</c>) on both providers: they are read and written whole
/// with their object, never queried.
/// </summary>
internal static class StoredImagesConversion
{
    private static readonly ValueConverter<List<StoredImage>, string> Converter = new(
        images => JsonSerializer.Serialize(images, StoredImageJsonContext.Default.ListStoredImage),
        json => JsonSerializer.Deserialize(json, StoredImageJsonContext.Default.ListStoredImage) ?? new List<StoredImage>());

    private static readonly ValueComparer<List<StoredImage>> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        images => images.Aggregate(0, (hash, image) => HashCode.Combine(hash, image)),
        images => images.ToList());

    public static void HasImages<T>(this EntityTypeBuilder<T> builder) where T : class, IHasImages =>
        builder.Property<List<StoredImage>>(nameof(IHasImages.Images)).HasConversion(Converter, Comparer).IsRequired(false);
}

/// <remarks>Public because the compiled models (generated code in the storage projects) name it.</remarks>
[JsonSerializable(typeof(List<StoredImage>))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class StoredImageJsonContext : JsonSerializerContext;
