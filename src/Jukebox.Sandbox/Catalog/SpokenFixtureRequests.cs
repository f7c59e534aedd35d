using System.Text.Json.Serialization;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// The bodies of the spoken-word fixtures, read like <see cref="AlbumFixture"/>: the Web API's show,
/// episode, audiobook and chapter objects, of which the fields the catalog keeps are read and the
/// others (href, uri, total_episodes, is_playable, resume_point, …) ignored; their <c>images</c> are
/// kept (see <see cref="ImageRules"/>).
/// </summary>
public sealed record ShowFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("html_description")] string? HtmlDescription,
    [property: JsonPropertyName("explicit")] bool? Explicit,
    [property: JsonPropertyName("languages")] IReadOnlyList<string?>? Languages,
    [property: JsonPropertyName("media_type")] string? MediaType,
    [property: JsonPropertyName("is_externally_hosted")] bool? IsExternallyHosted,
    [property: JsonPropertyName("available_markets")] IReadOnlyList<string?>? AvailableMarkets,
    [property: JsonPropertyName("copyrights")] IReadOnlyList<CopyrightFixture?>? Copyrights,
    [property: JsonPropertyName("episodes")] ShowEpisodesFixture? Episodes)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}

/// <summary>A show's episodes, newest first as the Web API lists them.</summary>
public sealed record ShowEpisodesFixture([property: JsonPropertyName("items")] IReadOnlyList<EpisodeFixture?>? Items);

/// <summary>An episode. In a show's <c>episodes.items</c> its <c>show</c> is the show; on its own it names one.</summary>
public sealed record EpisodeFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("show")] IdFixture? Show,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("html_description")] string? HtmlDescription,
    [property: JsonPropertyName("duration_ms")] int? DurationMs,
    [property: JsonPropertyName("explicit")] bool? Explicit,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("languages")] IReadOnlyList<string?>? Languages,
    [property: JsonPropertyName("release_date")] string? ReleaseDate,
    [property: JsonPropertyName("release_date_precision")] string? ReleaseDatePrecision,
    [property: JsonPropertyName("audio_preview_url")] string? AudioPreviewUrl,
    [property: JsonPropertyName("is_externally_hosted")] bool? IsExternallyHosted)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}

public sealed record AudiobookFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("authors")] IReadOnlyList<PersonFixture?>? Authors,
    [property: JsonPropertyName("narrators")] IReadOnlyList<PersonFixture?>? Narrators,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("html_description")] string? HtmlDescription,
    [property: JsonPropertyName("edition")] string? Edition,
    [property: JsonPropertyName("explicit")] bool? Explicit,
    [property: JsonPropertyName("languages")] IReadOnlyList<string?>? Languages,
    [property: JsonPropertyName("media_type")] string? MediaType,
    [property: JsonPropertyName("available_markets")] IReadOnlyList<string?>? AvailableMarkets,
    [property: JsonPropertyName("copyrights")] IReadOnlyList<CopyrightFixture?>? Copyrights,
    [property: JsonPropertyName("chapters")] AudiobookChaptersFixture? Chapters)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}

/// <summary>An audiobook's chapters, in chapter order.</summary>
public sealed record AudiobookChaptersFixture([property: JsonPropertyName("items")] IReadOnlyList<ChapterFixture?>? Items);

/// <summary>An author or a narrator.</summary>
public sealed record PersonFixture([property: JsonPropertyName("name")] string? Name);

/// <summary>
/// A chapter (typed <c>episode</c>, as the Web API types them). Its markets are its audiobook's, so an
/// <c>available_markets</c> in the body is ignored.
/// </summary>
public sealed record ChapterFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("audiobook")] IdFixture? Audiobook,
    [property: JsonPropertyName("chapter_number")] int? ChapterNumber,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("html_description")] string? HtmlDescription,
    [property: JsonPropertyName("duration_ms")] int? DurationMs,
    [property: JsonPropertyName("explicit")] bool? Explicit,
    [property: JsonPropertyName("languages")] IReadOnlyList<string?>? Languages,
    [property: JsonPropertyName("release_date")] string? ReleaseDate,
    [property: JsonPropertyName("release_date_precision")] string? ReleaseDatePrecision,
    [property: JsonPropertyName("audio_preview_url")] string? AudioPreviewUrl)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}
