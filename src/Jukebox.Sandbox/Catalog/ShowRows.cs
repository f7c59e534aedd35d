using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>A show fixture checked and turned into its row (its episodes are <see cref="EpisodeRows"/>).</summary>
internal static class ShowRows
{
    public static Show From(ShowFixture body, string id)
    {
        FixtureRules.TypeIs(body.Type, "show");
        var name = FixtureRules.Name(body.Name);
        var (description, html) = SpokenRules.Description(body.Description, body.HtmlDescription);
        return new Show
        {
            Id = id,
            Name = name,
            Publisher = SpokenRules.Publisher(body.Publisher),
            Description = description,
            HtmlDescription = html,
            Explicit = body.Explicit ?? false,
            Languages = SpokenRules.Languages(body.Languages, SpokenRules.DefaultLanguages),
            MediaType = SpokenRules.MediaType(body.MediaType),
            IsExternallyHosted = body.IsExternallyHosted ?? false,
            AvailableMarkets = FixtureRules.Markets(body.AvailableMarkets),
            CopyrightText = SpokenRules.Copyright(body.Copyrights),
            Images = ImageRules.Images(body.Images),
        };
    }

    /// <summary>The show's episodes in the body, newest first: the first gets the highest number.</summary>
    public static List<Episode> Episodes(Show show, IReadOnlyList<EpisodeFixture?> items, DateTimeOffset now)
    {
        var rows = new List<Episode>(items.Count);
        foreach (var item in items)
        {
            var body = item ?? throw FixtureRules.Invalid("episodes.items must hold episode objects");
            var id = FixtureRules.IdOrNew(body.Id);
            if (rows.Any(r => r.Id == id))
            {
                throw FixtureRules.Invalid($"episodes.items names episode {id} twice");
            }
            rows.Add(EpisodeRows.From(body, id, show.Id, show.Languages, items.Count - rows.Count, now));
        }
        return rows;
    }

    public static void CopyTo(this Show source, Show stored)
    {
        stored.Name = source.Name;
        stored.Publisher = source.Publisher;
        stored.Description = source.Description;
        stored.HtmlDescription = source.HtmlDescription;
        stored.Explicit = source.Explicit;
        stored.Languages = source.Languages;
        stored.MediaType = source.MediaType;
        stored.IsExternallyHosted = source.IsExternallyHosted;
        stored.AvailableMarkets = source.AvailableMarkets;
        stored.CopyrightText = source.CopyrightText;
        stored.Images = source.Images;
    }
}
