using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// <see cref="FixtureMerge"/> for shows, episodes, audiobooks and chapters: each field the first has
/// wins, the second fills the rest (an episode's show, simplified, lays nothing over a full show).
/// </summary>
internal static class SpokenMerge
{
    public static ShowFixture Show(ShowFixture a, ShowFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Publisher ?? b.Publisher, a.Description ?? b.Description,
        a.Description is null ? b.HtmlDescription : a.HtmlDescription, a.Explicit ?? b.Explicit, a.Languages ?? b.Languages,
        a.MediaType ?? b.MediaType, a.IsExternallyHosted ?? b.IsExternallyHosted, a.AvailableMarkets ?? b.AvailableMarkets,
        a.Copyrights ?? b.Copyrights, null) { Images = a.Images ?? b.Images };

    public static EpisodeFixture Episode(EpisodeFixture a, EpisodeFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Show ?? b.Show, a.Description ?? b.Description,
        a.Description is null ? b.HtmlDescription : a.HtmlDescription, a.DurationMs ?? b.DurationMs, a.Explicit ?? b.Explicit,
        null, Languages(a) ?? Languages(b),
        a.ReleaseDate ?? b.ReleaseDate, a.ReleaseDate is null ? b.ReleaseDatePrecision : a.ReleaseDatePrecision,
        a.AudioPreviewUrl ?? b.AudioPreviewUrl, a.IsExternallyHosted ?? b.IsExternallyHosted) { Images = a.Images ?? b.Images };

    public static AudiobookFixture Audiobook(AudiobookFixture a, AudiobookFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Authors ?? b.Authors, a.Narrators ?? b.Narrators, a.Publisher ?? b.Publisher,
        a.Description ?? b.Description, a.Description is null ? b.HtmlDescription : a.HtmlDescription, a.Edition ?? b.Edition,
        a.Explicit ?? b.Explicit, a.Languages ?? b.Languages, a.MediaType ?? b.MediaType, a.AvailableMarkets ?? b.AvailableMarkets,
        a.Copyrights ?? b.Copyrights, null) { Images = a.Images ?? b.Images };

    public static ChapterFixture Chapter(ChapterFixture a, ChapterFixture b) => new(
        a.Id ?? b.Id, a.Type ?? b.Type, a.Name ?? b.Name, a.Audiobook ?? b.Audiobook, a.ChapterNumber ?? b.ChapterNumber,
        a.Description ?? b.Description, a.Description is null ? b.HtmlDescription : a.HtmlDescription, a.DurationMs ?? b.DurationMs,
        a.Explicit ?? b.Explicit, a.Languages ?? b.Languages,
        a.ReleaseDate ?? b.ReleaseDate, a.ReleaseDate is null ? b.ReleaseDatePrecision : a.ReleaseDatePrecision, a.AudioPreviewUrl ?? b.AudioPreviewUrl)
    {
        Images = a.Images ?? b.Images,
    };

    public static ShowFixture From(Show s) => new(
        s.Id, null, s.Name, s.Publisher, s.Description, s.HtmlDescription, s.Explicit, [.. s.Languages], s.MediaType, s.IsExternallyHosted,
        [.. s.AvailableMarkets], Copyrights(s.CopyrightText), null) { Images = ImageRules.Fixtures(s.Images) };

    public static EpisodeFixture From(Episode e) => new(
        e.Id, null, e.Name, new IdFixture(e.ShowId), e.Description, e.HtmlDescription, e.DurationMs, e.Explicit, null, [.. e.Languages],
        e.ReleaseDate, e.ReleaseDatePrecision, e.AudioPreviewUrl, e.IsExternallyHosted) { Images = ImageRules.Fixtures(e.Images) };

    public static AudiobookFixture From(Audiobook b) => new(
        b.Id, null, b.Name, [.. b.Authors.Select(n => new PersonFixture(n))], [.. b.Narrators.Select(n => new PersonFixture(n))], b.Publisher,
        b.Description, b.HtmlDescription, b.Edition, b.Explicit, [.. b.Languages], b.MediaType, [.. b.AvailableMarkets], Copyrights(b.CopyrightText), null)
    {
        Images = ImageRules.Fixtures(b.Images),
    };

    public static ChapterFixture From(Chapter c) => new(
        c.Id, null, c.Name, new IdFixture(c.AudiobookId), c.ChapterNumber, c.Description, c.HtmlDescription, c.DurationMs, c.Explicit,
        [.. c.Languages], c.ReleaseDate, c.ReleaseDatePrecision, c.AudioPreviewUrl) { Images = ImageRules.Fixtures(c.Images) };

    /// <summary>An episode's languages; older objects name one, as <c>language</c>.</summary>
    private static IReadOnlyList<string?>? Languages(EpisodeFixture e) => e.Languages ?? (e.Language is null ? null : [e.Language]);

    private static List<CopyrightFixture?> Copyrights(string text) => text.Length == 0 ? [] : [new CopyrightFixture(text, "C")];
}
