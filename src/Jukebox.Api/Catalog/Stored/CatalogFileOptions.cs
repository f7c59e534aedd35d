namespace Jukebox.Api.Catalog.Stored;

public sealed class CatalogFileOptions
{
    /// <summary>
    /// Where the built catalog is kept between runs (<see cref="CatalogFile"/>); empty keeps none, and
    /// every start builds the catalog from the database.
    /// </summary>
    public string Directory { get; set; } = "";
}
