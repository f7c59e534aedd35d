namespace Jukebox.Api.Playlists;

/// <summary>The messages of the playlist endpoints' errors (Spotify's own texts where they are known).</summary>
public static class PlaylistErrors
{
    public const string NotFound = "Resource not found";
    public const string InvalidSnapshot = "Invalid snapshot id";
    public const string TooManyToAdd = "You can add a maximum of 100 tracks per request.";
    public const string TooManyToRemove = "You can remove a maximum of 100 tracks per request.";
    public const string TooManyToSet = "You can set a maximum of 100 tracks per request.";
    public const string NoUris = "No uris provided";
    public const string LocalNotAddable = "Local files cannot be added through the Web API";
    public const string NonExistingId = "Payload contains a non-existing ID";
    public const string IndexOutOfBounds = "Index out of bounds";
    public const string CouldNotRemove = "Could not remove tracks, please check parameters.";
    public const string LocalNeedsPositions = "Local files can only be removed by position";
    public const string MissingTracks = "Missing tracks";
    public const string MissingRange = "Missing range_start or insert_before";
    public const string MissingName = "Missing required field: name";
    public const string NameTooLong = "Playlist name is too long";
    public const string DescriptionTooLong = "Playlist description is too long";
    public const string PublicAndCollaborative = "A playlist cannot be both public and collaborative";
    // Spotify documents the 403 for more than 10,000 items but not its message: this text is unverified.
    public const string SizeLimitReached = "Playlist size limit reached";
    public const string NotOwnerAdd = "You cannot add tracks to a playlist you don't own.";
    public const string NotOwnerRemove = "You cannot remove tracks from a playlist you don't own.";
    public const string NotOwnerReorder = "You cannot reorder tracks in a playlist you don't own.";
    public const string NotOwnerDetails = "You cannot change details of a playlist you don't own.";
    public const string NotOwnerImage = "You cannot upload an image to a playlist you don't own.";
    public const string OtherUser = "You cannot create a playlist for another user";
    public const string ImageTooLarge = Http.SpotifyErrors.TooLarge;
    public const string ImageNotJpeg = "The image must be a base64-encoded JPEG";
    public const string TooManyUsers = "Too many ids requested";
    public const string MissingUser = "Missing user ids";

    public static string InvalidUri(string? uri) => $"Invalid track uri: {uri}";
}
