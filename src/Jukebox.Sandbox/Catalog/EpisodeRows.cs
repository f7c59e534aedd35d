using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>An episode fixture checked and turned into its row. Shared by episodes made on their own and episodes made with their show.</summary>
internal static class EpisodeRows
{
    /// <param name="showLanguages">The show's languages, the episode's when the body names none.</param>
    /// <param name="number">Its place in the show (the newest episode has the highest number).</param>
    public static Episode From(EpisodeFixture body, string id, string showId, IReadOnlyList<string> showLanguages, int number, DateTimeOffset now)
    {
        FixtureRules.TypeIs(body.Type, "episode");
        var name = FixtureRules.Name(body.Name);
        var (description, html) = SpokenRules.Description(body.Description, body.HtmlDescription);
        var languages = body.Languages is null && body.Language is not null ? [body.Language] : body.Languages;
        var (date, precision) = FixtureRules.ReleaseDate(body.ReleaseDate, body.ReleaseDatePrecision, now);
        return new Episode
        {
            Id = id,
            ShowId = showId,
            Number = number,
            Name = name,
            Description = description,
            HtmlDescription = html,
            DurationMs = SpokenRules.DurationMs(body.DurationMs),
            Explicit = body.Explicit ?? false,
            Languages = SpokenRules.Languages(languages, showLanguages),
            ReleaseDate = date,
            ReleaseDatePrecision = precision,
            AudioPreviewUrl = FixtureRules.Url(body.AudioPreviewUrl, "audio_preview_url"),
            IsExternallyHosted = body.IsExternallyHosted ?? false,
            Images = ImageRules.Images(body.Images),
        };
    }

    /// <summary>Copies everything but the id onto a stored episode.</summary>
    public static void CopyTo(this Episode source, Episode stored)
    {
        stored.ShowId = source.ShowId;
        stored.Number = source.Number;
        stored.Name = source.Name;
        stored.Description = source.Description;
        stored.HtmlDescription = source.HtmlDescription;
        stored.DurationMs = source.DurationMs;
        stored.Explicit = source.Explicit;
        stored.Languages = source.Languages;
        stored.ReleaseDate = source.ReleaseDate;
        stored.ReleaseDatePrecision = source.ReleaseDatePrecision;
        stored.AudioPreviewUrl = source.AudioPreviewUrl;
        stored.IsExternallyHosted = source.IsExternallyHosted;
        stored.Images = source.Images;
    }
}
