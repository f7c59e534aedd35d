using Jukebox.Api.Albums;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Episodes;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Library;

/// <summary>added_at is UTC with a zero offset to the second (YYYY-MM-DDTHH:MM:SSZ), as Spotify writes it.</summary>
public sealed record SavedTrackObject(string AddedAt, TrackObject Track);

public sealed record SavedAlbumObject(string AddedAt, AlbumObject Album);

public sealed record SavedEpisodeObject(string AddedAt, EpisodeObject Episode);

public sealed record SavedShowObject(string AddedAt, SimplifiedShowObject Show);

public sealed record SavedAudiobookObject(string AddedAt, AudiobookObject Audiobook);
