using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>A chapter fixture checked and turned into its row. Shared by chapters made on their own and chapters made with their audiobook.</summary>
internal static class ChapterRows
{
    /// <param name="bookLanguages">The audiobook's languages, the chapter's when the body names none.</param>
    /// <param name="chapterNumber">The number a chapter without one gets (the first chapter is 0).</param>
    public static Chapter From(ChapterFixture body, string id, string audiobookId, IReadOnlyList<string> bookLanguages, int chapterNumber, DateTimeOffset now)
    {
        FixtureRules.TypeIs(body.Type, "episode");
        var name = FixtureRules.Name(body.Name);
        var (description, html) = SpokenRules.Description(body.Description, body.HtmlDescription);
        var (date, precision) = FixtureRules.ReleaseDate(body.ReleaseDate, body.ReleaseDatePrecision, now);
        return new Chapter
        {
            Id = id,
            AudiobookId = audiobookId,
            ChapterNumber = FixtureRules.AtLeast(body.ChapterNumber, 0, chapterNumber, "chapter_number"),
            Name = name,
            Description = description,
            HtmlDescription = html,
            DurationMs = SpokenRules.DurationMs(body.DurationMs),
            Explicit = body.Explicit ?? false,
            Languages = SpokenRules.Languages(body.Languages, bookLanguages),
            ReleaseDate = date,
            ReleaseDatePrecision = precision,
            AudioPreviewUrl = FixtureRules.Url(body.AudioPreviewUrl, "audio_preview_url"),
            Images = ImageRules.Images(body.Images),
        };
    }

    /// <summary>Copies everything but the id onto a stored chapter.</summary>
    public static void CopyTo(this Chapter source, Chapter stored)
    {
        stored.AudiobookId = source.AudiobookId;
        stored.ChapterNumber = source.ChapterNumber;
        stored.Name = source.Name;
        stored.Description = source.Description;
        stored.HtmlDescription = source.HtmlDescription;
        stored.DurationMs = source.DurationMs;
        stored.Explicit = source.Explicit;
        stored.Languages = source.Languages;
        stored.ReleaseDate = source.ReleaseDate;
        stored.ReleaseDatePrecision = source.ReleaseDatePrecision;
        stored.AudioPreviewUrl = source.AudioPreviewUrl;
        stored.Images = source.Images;
    }
}
