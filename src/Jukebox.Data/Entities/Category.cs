namespace Jukebox.Data.Entities;

public sealed class Category
{
    /// <summary>A readable id such as <c>rock</c>, as Spotify's category ids are.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public List<CategoryName> LocalizedNames { get; set; } = [];
    public List<CategoryPlaylist> Playlists { get; set; } = [];
}

/// <summary>The category's name in one locale (e.g. <c>es_MX</c>); <see cref="Category.Name"/> is the fallback.</summary>
public sealed class CategoryName
{
    public required string CategoryId { get; set; }
    public required string Locale { get; set; }
    public required string Name { get; set; }
}

public sealed class CategoryPlaylist
{
    public required string CategoryId { get; set; }
    public required string PlaylistId { get; set; }
    public int Position { get; set; }
}
