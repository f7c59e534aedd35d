namespace Jukebox.Api.Markets;

public sealed record MarketsResponse(IReadOnlyList<string> Markets);
