using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Browse;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Library;
using Jukebox.Api.Markets;
using Jukebox.Api.Player;
using Jukebox.Api.Playlists;
using Jukebox.Api.Recommendations;
using Jukebox.Api.Search;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;
using Jukebox.Api.Users;

namespace Jukebox.Api.Http;

/// <summary>Source-generated serializers for every wire object, named in snake_case as the API names them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(Jukebox.Api.Catalog.EncodedJson))]
[JsonSerializable(typeof(AlbumObject))]
[JsonSerializable(typeof(AlbumsResponse))]
[JsonSerializable(typeof(PagingObject<SimplifiedTrackObject>))]
[JsonSerializable(typeof(ArtistObject))]
[JsonSerializable(typeof(ArtistsResponse))]
[JsonSerializable(typeof(PagingObject<ArtistDiscographyAlbumObject>))]
[JsonSerializable(typeof(ArtistTopTracksResponse))]
[JsonSerializable(typeof(TrackObject))]
[JsonSerializable(typeof(TracksResponse))]
[JsonSerializable(typeof(ShowObject))]
[JsonSerializable(typeof(ShowsResponse))]
[JsonSerializable(typeof(PagingObject<SimplifiedEpisodeObject>))]
[JsonSerializable(typeof(EpisodeObject))]
[JsonSerializable(typeof(EpisodesResponse))]
[JsonSerializable(typeof(AudiobookObject))]
[JsonSerializable(typeof(AudiobooksResponse))]
[JsonSerializable(typeof(PagingObject<SimplifiedChapterObject>))]
[JsonSerializable(typeof(ChapterObject))]
[JsonSerializable(typeof(ChaptersResponse))]
[JsonSerializable(typeof(CategoryObject))]
[JsonSerializable(typeof(CategoriesResponse))]
[JsonSerializable(typeof(FeaturedPlaylistsResponse))]
[JsonSerializable(typeof(NewReleasesResponse))]
[JsonSerializable(typeof(MarketsResponse))]
[JsonSerializable(typeof(GenreSeedsResponse))]
[JsonSerializable(typeof(PrivateUserObject))]
[JsonSerializable(typeof(PublicUserObject))]
[JsonSerializable(typeof(DevicesResponse))]
[JsonSerializable(typeof(CurrentlyPlayingContextObject))]
[JsonSerializable(typeof(CurrentlyPlayingObject))]
[JsonSerializable(typeof(QueueObject))]
[JsonSerializable(typeof(CursorPagingPlayHistoryObject))]
[JsonSerializable(typeof(PagingObject<ArtistObject>))]
[JsonSerializable(typeof(PagingObject<TrackObject>))]
[JsonSerializable(typeof(PlayRequest))]
[JsonSerializable(typeof(TransferRequest))]
[JsonSerializable(typeof(FollowedArtistsResponse))]
[JsonSerializable(typeof(bool[]))]
[JsonSerializable(typeof(PagingObject<SavedTrackObject>))]
[JsonSerializable(typeof(PagingObject<SavedAlbumObject>))]
[JsonSerializable(typeof(PagingObject<SavedEpisodeObject>))]
[JsonSerializable(typeof(PagingObject<SavedShowObject>))]
[JsonSerializable(typeof(PagingObject<SavedAudiobookObject>))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(AudioFeaturesObject))]
[JsonSerializable(typeof(AudioFeaturesResponse))]
[JsonSerializable(typeof(AudioAnalysisObject))]
[JsonSerializable(typeof(RecommendationsObject))]
[JsonSerializable(typeof(PlaylistObject))]
[JsonSerializable(typeof(PagingObject<PlaylistTrackObject>))]
[JsonSerializable(typeof(PagingObject<SimplifiedPlaylistObject>))]
[JsonSerializable(typeof(LocalTrackObject))]
[JsonSerializable(typeof(SnapshotIdResponse))]
[JsonSerializable(typeof(ImageObject[]))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(PlaylistDetailsRequest))]
[JsonSerializable(typeof(AddItemsRequest))]
[JsonSerializable(typeof(ReorderOrReplaceRequest))]
[JsonSerializable(typeof(RemoveItemsRequest))]
[JsonSerializable(typeof(FollowPlaylistRequest))]
public sealed partial class SpotifyJsonContext : JsonSerializerContext;
