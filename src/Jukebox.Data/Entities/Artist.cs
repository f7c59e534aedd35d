namespace Jukebox.Data.Entities;

public sealed class Artist
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Popularity { get; set; }
    public long Followers { get; set; }
    public List<string> Genres { get; set; } = [];
}
