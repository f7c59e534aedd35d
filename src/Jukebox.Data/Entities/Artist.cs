namespace Jukebox.Data.Entities;

public sealed class Artist : IHasImages
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Popularity { get; set; }
    public long Followers { get; set; }
    public List<string> Genres { get; set; } = [];

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}
