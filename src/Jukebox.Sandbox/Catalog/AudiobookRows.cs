using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>An audiobook fixture checked and turned into its row (its chapters are <see cref="ChapterRows"/>).</summary>
internal static class AudiobookRows
{
    public static Audiobook From(AudiobookFixture body, string id)
    {
        FixtureRules.TypeIs(body.Type, "audiobook");
        var name = FixtureRules.Name(body.Name);
        var authors = SpokenRules.People(body.Authors, "authors");
        if (authors.Count == 0)
        {
            throw FixtureRules.Invalid("authors must name at least one author");
        }
        var (description, html) = SpokenRules.Description(body.Description, body.HtmlDescription);
        return new Audiobook
        {
            Id = id,
            Name = name,
            Authors = authors,
            Narrators = SpokenRules.People(body.Narrators, "narrators"),
            Publisher = SpokenRules.Publisher(body.Publisher),
            Description = description,
            HtmlDescription = html,
            Edition = body.Edition is null or "" ? body.Edition : FixtureRules.Name(body.Edition, "edition"),
            Explicit = body.Explicit ?? false,
            Languages = SpokenRules.Languages(body.Languages, SpokenRules.DefaultLanguages),
            MediaType = SpokenRules.MediaType(body.MediaType),
            AvailableMarkets = FixtureRules.Markets(body.AvailableMarkets),
            CopyrightText = SpokenRules.Copyright(body.Copyrights),
            Images = ImageRules.Images(body.Images),
        };
    }

    /// <summary>The audiobook's chapters in the body: each without a number gets the one after the previous chapter's.</summary>
    public static List<Chapter> Chapters(Audiobook book, IReadOnlyList<ChapterFixture?> items, DateTimeOffset now)
    {
        var rows = new List<Chapter>(items.Count);
        foreach (var item in items)
        {
            var body = item ?? throw FixtureRules.Invalid("chapters.items must hold chapter objects");
            var id = FixtureRules.IdOrNew(body.Id);
            if (rows.Any(r => r.Id == id))
            {
                throw FixtureRules.Invalid($"chapters.items names chapter {id} twice");
            }
            var next = rows.Count == 0 ? 0 : rows.Max(r => r.ChapterNumber) + 1;
            var chapter = ChapterRows.From(body, id, book.Id, book.Languages, next, now);
            if (rows.Any(r => r.ChapterNumber == chapter.ChapterNumber))
            {
                throw FixtureRules.Invalid($"chapters.items has two chapters numbered {chapter.ChapterNumber}");
            }
            rows.Add(chapter);
        }
        return rows;
    }

    public static void CopyTo(this Audiobook source, Audiobook stored)
    {
        stored.Name = source.Name;
        stored.Authors = source.Authors;
        stored.Narrators = source.Narrators;
        stored.Publisher = source.Publisher;
        stored.Description = source.Description;
        stored.HtmlDescription = source.HtmlDescription;
        stored.Edition = source.Edition;
        stored.Explicit = source.Explicit;
        stored.Languages = source.Languages;
        stored.MediaType = source.MediaType;
        stored.AvailableMarkets = source.AvailableMarkets;
        stored.CopyrightText = source.CopyrightText;
        stored.Images = source.Images;
    }
}
