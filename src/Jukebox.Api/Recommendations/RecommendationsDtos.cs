namespace Jukebox.Api.Recommendations;

public sealed record GenreSeedsResponse(IReadOnlyList<string> Genres);
