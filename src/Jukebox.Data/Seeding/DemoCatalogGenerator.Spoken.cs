using System.Globalization;
using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>The demo catalog's shows with their episodes, and audiobooks with their chapters.</summary>
public sealed partial class DemoCatalogGenerator
{
    private void AddShows(CatalogBatch batch)
    {
        for (var s = 0; s < CatalogVocabulary.Shows.Length; s++)
        {
            var (name, publisher, topic, language) = CatalogVocabulary.Shows[s];
            var showId = CatalogIds.For("show", s);
            var description = $"{name} is a podcast about {topic}.";
            var show = new Show
            {
                Id = showId,
                Name = name,
                Publisher = publisher,
                Description = description,
                HtmlDescription = $"<p>{description}</p>",
                Explicit = s % 5 == 4,
                Languages = [language],
                AvailableMarkets = _allMarkets,
                CopyrightText = $"© {publisher}",
            };
            var episodes = 8 + _values.Random.Next(25);
            var last = today.AddDays(-(s * 3 + 1));
            for (var e = 0; e < episodes; e++)
            {
                var number = e + 1;
                var episodeDescription = $"Episode {number} of {name}: {topic}, part {number}.";
                show.Episodes.Add(new Episode
                {
                    Id = CatalogIds.FromSeed($"jukebox:episode:{s}:{number}"),
                    ShowId = showId,
                    Number = number,
                    Name = $"{name} #{number}: {_values.Pick(CatalogVocabulary.Adjectives)} {_values.Pick(CatalogVocabulary.Nouns)}",
                    Description = episodeDescription,
                    HtmlDescription = $"<p>{episodeDescription}</p>",
                    DurationMs = (int)_values.Clamped(2_400_000, 900_000, 600_000, 7_200_000),
                    Explicit = show.Explicit,
                    Languages = [language],
                    ReleaseDate = last.AddDays(-7 * (episodes - number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ReleaseDatePrecision = "day",
                });
            }
            batch.Shows.Add(show);
        }
    }

    private void AddAudiobooks(CatalogBatch batch)
    {
        for (var b = 0; b < CatalogVocabulary.Audiobooks.Length; b++)
        {
            var (title, author, narrator, publisher) = CatalogVocabulary.Audiobooks[b];
            var bookId = CatalogIds.For("audiobook", b);
            var description = $"{title} by {author}, read by {narrator}.";
            var book = new Audiobook
            {
                Id = bookId,
                Name = title,
                Authors = [author],
                Narrators = [narrator],
                Publisher = publisher,
                Description = description,
                HtmlDescription = $"<p>{description}</p>",
                Edition = b % 3 == 0 ? "Unabridged" : null,
                Languages = ["en"],
                AvailableMarkets = _allMarkets,
                CopyrightText = $"© {publisher}",
            };
            var chapters = 6 + _values.Random.Next(20);
            var released = today.AddYears(-1 - b).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var c = 0; c < chapters; c++)
            {
                var chapterDescription = $"Chapter {c + 1} of {title}.";
                book.Chapters.Add(new Chapter
                {
                    Id = CatalogIds.FromSeed($"jukebox:chapter:{b}:{c}"),
                    AudiobookId = bookId,
                    ChapterNumber = c,
                    Name = $"Chapter {c + 1}",
                    Description = chapterDescription,
                    HtmlDescription = $"<p>{chapterDescription}</p>",
                    DurationMs = (int)_values.Clamped(1_500_000, 500_000, 300_000, 3_600_000),
                    Languages = ["en"],
                    ReleaseDate = released,
                    ReleaseDatePrecision = "day",
                });
            }
            batch.Audiobooks.Add(book);
        }
    }
}
