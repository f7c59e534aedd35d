using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Chapters;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;
using Jukebox.Api.Users;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// The fields each API profile takes out of the objects (behaviors §7): the one table of them, applied
/// where objects are written. Each profile has serializers of its own, made from the source-generated
/// ones with the profile's fields left unwritten (absent, not null) or written as null; a response
/// takes its caller's (<see cref="For{T}"/>), so no handler decides a field and no JSON is edited after.
/// </summary>
public static class ProfileFields
{
    /// <summary>A field of an object (and of every object derived from it), by its name on the wire.</summary>
    public sealed record Field(Type Object, string Name);

    /// <summary>
    /// Apps made from 27 Nov 2024 get no previews: <c>preview_url</c> is null in every track object.
    /// development-2026 keeps this too.
    /// </summary>
    public static readonly IReadOnlyList<Field> Nulled2024 =
    [
        new(typeof(SimplifiedTrackObject), "preview_url"),
    ];

    /// <summary>Removed from development-mode apps' objects in Feb 2026 (the album's external_ids came back in Mar 2026).</summary>
    public static readonly IReadOnlyList<Field> Removed2026 =
    [
        new(typeof(SimplifiedAlbumObject), "album_group"),
        new(typeof(SimplifiedAlbumObject), "available_markets"),
        new(typeof(SimplifiedAlbumObject), "label"),
        new(typeof(SimplifiedAlbumObject), "popularity"),
        new(typeof(ArtistObject), "followers"),
        new(typeof(ArtistObject), "popularity"),
        new(typeof(SimplifiedTrackObject), "available_markets"),
        new(typeof(SimplifiedTrackObject), "linked_from"),
        new(typeof(SimplifiedTrackObject), "popularity"),
        new(typeof(SimplifiedShowObject), "available_markets"),
        new(typeof(SimplifiedShowObject), "publisher"),
        new(typeof(SimplifiedAudiobookObject), "available_markets"),
        new(typeof(SimplifiedAudiobookObject), "publisher"),
        new(typeof(SimplifiedChapterObject), "available_markets"),
        new(typeof(PrivateUserObject), "country"),
        new(typeof(PrivateUserObject), "email"),
        new(typeof(PrivateUserObject), "explicit_content"),
        new(typeof(PrivateUserObject), "followers"),
        new(typeof(PrivateUserObject), "product"),
    ];

    private static readonly FrozenDictionary<string, JsonSerializerOptions> Serializers = new Dictionary<string, JsonSerializerOptions>
    {
        [ApiProfiles.Restricted2024] = Serializer(Nulled2024, []),
        [ApiProfiles.Development2026] = Serializer(Nulled2024, Removed2026),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The serializer of <typeparamref name="T"/> for an app of the profile (the full one's for <c>full</c>).</summary>
    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> full, string profile) =>
        Serializers.TryGetValue(profile, out var options) ? (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)) : full;

    /// <inheritdoc cref="For{T}(JsonTypeInfo{T}, string)"/>
    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> full, AppProfile profile) => For(full, profile.Name);

    private static JsonSerializerOptions Serializer(IReadOnlyList<Field> nulled, IReadOnlyList<Field> removed)
    {
        var options = new JsonSerializerOptions(SpotifyJsonContext.Default.Options)
        {
            TypeInfoResolver = SpotifyJsonContext.Default.WithAddedModifier(info =>
            {
                foreach (var property in info.Properties)
                {
                    if (Names(removed, info.Type, property.Name))
                    {
                        property.ShouldSerialize = static (_, _) => false;
                    }
                    else if (Names(nulled, info.Type, property.Name))
                    {
                        property.Get = static _ => null;
                    }
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    private static bool Names(IReadOnlyList<Field> fields, Type type, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name && field.Object.IsAssignableFrom(type))
            {
                return true;
            }
        }
        return false;
    }
}
