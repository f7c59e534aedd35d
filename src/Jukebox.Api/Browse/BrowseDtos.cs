using Jukebox.Api.Albums;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;

namespace Jukebox.Api.Browse;

public sealed record CategoryObject(string Href, IReadOnlyList<ImageObject> Icons, string Id, string Name);

public sealed record CategoriesResponse(PagingObject<CategoryObject> Categories);

public sealed record FeaturedPlaylistsResponse(string Message, PagingObject<SimplifiedPlaylistObject> Playlists);

public sealed record NewReleasesResponse(PagingObject<SimplifiedAlbumObject> Albums);
