namespace Jukebox.Data.Entities;

/// <summary>
/// An image a catalog object was given (by an import with <c>--images keep</c> or a fixture's
/// <c>images</c>): its URL and size exactly as the source had them, the size unknown when null, as
/// Spotify sends some.
/// </summary>
public sealed record StoredImage(string Url, int? Height, int? Width);

/// <summary>
/// A catalog object that may carry images of its own. Null (the usual) means none were given: the API
/// serves the covers it generates; a list (even an empty one) is served as it is.
/// </summary>
public interface IHasImages
{
    List<StoredImage>? Images { get; set; }
}
