namespace Jukebox.Api.Catalog;

internal static partial class CatalogPatch
{
    /// <summary>Artists, albums and tracks: the changed ones anew, and new links for those linked to them.</summary>
    private sealed class Music(CatalogSnapshot before, CatalogChange change, Dictionary<string, CatalogTrack> oldTracks, CatalogPatchRows rows)
    {
        private readonly Markets _markets = new();
        private readonly HashSet<string> _replacedAlbums = new(StringComparer.Ordinal);
        private readonly List<CatalogAlbum> _newAlbums = [];
        private readonly HashSet<string> _affectedArtists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<CatalogTrack>> _newTracksByAlbum = new(StringComparer.Ordinal);
        private readonly HashSet<string> _addedIds = new(StringComparer.Ordinal);

        public Dictionary<string, CatalogArtist> Artists { get; } = Copy(before.Artists);
        public Dictionary<string, CatalogAlbum> Albums { get; } = Copy(before.Albums);
        public Dictionary<string, CatalogTrack> Tracks { get; } = Copy(before.Tracks);
        public List<CatalogTrack> AddedTracks { get; } = [];
        public HashSet<string> ReindexedTracks { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ReindexedAlbums { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ReindexedArtists { get; } = new(StringComparer.Ordinal);

        public void Apply()
        {
            var renamed = ReplaceArtists();
            ReplaceAlbums();
            ReplaceTracks();
            RelinkRenamed(renamed);
            AlbumTrackLists();
            Recordings();
            ArtistLists();
        }

        /// <summary>The changed artists anew, keeping their lists until <see cref="ArtistLists"/>; returns the old objects of those still there.</summary>
        private List<(CatalogArtist Old, CatalogArtist New)> ReplaceArtists()
        {
            var renamed = new List<(CatalogArtist, CatalogArtist)>();
            var found = rows.Artists.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var id in change.Artists)
            {
                ReindexedArtists.Add(id);
                before.Artists.TryGetValue(id, out var old);
                if (!found.TryGetValue(id, out var row))
                {
                    Artists.Remove(id);
                    continue;
                }
                var artist = new CatalogArtist
                {
                    Id = row.Id, Name = row.Name, Popularity = row.Popularity, Followers = row.Followers, Genres = row.Genres,
                    Images = CatalogImages.Of(row.Images),
                };
                if (old is not null)
                {
                    (artist.OwnAlbums, artist.AppearsOn, artist.Tracks) = (old.OwnAlbums, old.AppearsOn, old.Tracks);
                    renamed.Add((old, artist));
                }
                Artists[id] = artist;
                _affectedArtists.Add(id);
            }
            return renamed;
        }

        private void ReplaceAlbums()
        {
            foreach (var id in change.Albums)
            {
                _replacedAlbums.Add(id);
                ReindexedAlbums.Add(id);
                if (Albums.Remove(id, out var old))
                {
                    _affectedArtists.UnionWith(old.Artists.Select(a => a.Id));
                }
            }
            var credits = rows.AlbumArtists.ToLookup(x => x.AlbumId, StringComparer.Ordinal);
            foreach (var (row, codes) in rows.Albums)
            {
                var album = CatalogLoader.NewAlbum(row, _markets.Of(codes));
                album.Artists = [.. credits[row.Id].OrderBy(x => x.Position).Select(x => Artists[x.ArtistId])];
                _affectedArtists.UnionWith(album.Artists.Select(a => a.Id));
                Albums[album.Id] = album;
                _newAlbums.Add(album);
            }
        }

        private void ReplaceTracks()
        {
            foreach (var old in oldTracks.Values)
            {
                Tracks.Remove(old.Id);
                ReindexedTracks.Add(old.Id);
                _affectedArtists.UnionWith(old.Artists.Select(a => a.Id));
            }
            foreach (var id in change.Tracks)
            {
                ReindexedTracks.Add(id);
            }
            var credits = rows.Credits.ToLookup(x => x.TrackId, StringComparer.Ordinal);
            foreach (var t in rows.Tracks)
            {
                var album = Albums[t.AlbumId];
                var track = new CatalogTrack
                {
                    Id = t.Id, Album = album, Name = t.Name, DiscNumber = t.DiscNumber, TrackNumber = t.TrackNumber,
                    DurationMs = t.DurationMs, Explicit = t.Explicit, Isrc = t.Isrc, PreviewUrl = t.PreviewUrl,
                    Popularity = t.Popularity, Markets = t.AvailableMarkets is null ? album.Markets : _markets.Of(t.AvailableMarkets),
                    Artists = [.. credits[t.Id].OrderBy(x => x.Position).Select(x => Artists[x.ArtistId])],
                };
                Tracks[track.Id] = track;
                AddedTracks.Add(track);
                _addedIds.Add(track.Id);
                ReindexedTracks.Add(track.Id);
                _affectedArtists.UnionWith(track.Artists.Select(a => a.Id));
                if (!_newTracksByAlbum.TryGetValue(album.Id, out var list))
                {
                    _newTracksByAlbum[album.Id] = list = [];
                }
                list.Add(track);
            }
        }

        /// <summary>Albums and tracks that credit a changed artist and did not change themselves name the new one.</summary>
        private void RelinkRenamed(List<(CatalogArtist Old, CatalogArtist New)> renamed)
        {
            foreach (var (old, artist) in renamed)
            {
                foreach (var album in old.OwnAlbums)
                {
                    if (Albums.TryGetValue(album.Id, out var current) && current == album)
                    {
                        album.Artists = [.. album.Artists.Select(a => a.Id == artist.Id ? artist : a)];
                        ReindexedAlbums.Add(album.Id);
                    }
                }
                foreach (var track in old.Tracks)
                {
                    if (Tracks.TryGetValue(track.Id, out var current) && current == track)
                    {
                        track.Artists = [.. track.Artists.Select(a => a.Id == artist.Id ? artist : a)];
                        ReindexedTracks.Add(track.Id);
                    }
                }
            }
        }

        /// <summary>The track list of every album that gained, lost or replaced a track.</summary>
        private void AlbumTrackLists()
        {
            var touched = oldTracks.Values.Select(t => t.Album.Id).Concat(_newTracksByAlbum.Keys).Concat(_replacedAlbums)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var id in touched)
            {
                if (!Albums.TryGetValue(id, out var album))
                {
                    continue;
                }
                var kept = _replacedAlbums.Contains(id) ? [] : album.Tracks.Where(t => !oldTracks.ContainsKey(t.Id) && !IsNew(t.Id));
                album.Tracks = [.. kept.Concat(_newTracksByAlbum.GetValueOrDefault(id) ?? []).OrderBy(t => t.DiscNumber).ThenBy(t => t.TrackNumber)];
            }
        }

        private bool IsNew(string trackId) => _addedIds.Contains(trackId);

        /// <summary>The other instances of every recording a changed track had or has.</summary>
        private void Recordings()
        {
            foreach (var ids in rows.Recordings.Values)
            {
                // A track another change made meanwhile is linked when that change is patched in.
                var instances = ids.Where(Tracks.ContainsKey).Select(id => Tracks[id]).ToArray();
                foreach (var t in instances)
                {
                    var others = instances.Length > 1 ? instances.Where(o => o != t).ToArray() : [];
                    if (!t.OtherInstances.SequenceEqual(others))
                    {
                        t.OtherInstances = others;
                        ReindexedTracks.Add(t.Id);
                    }
                }
            }
        }

        /// <summary>The album and track lists of every artist credited before or after the change.</summary>
        private void ArtistLists()
        {
            foreach (var id in _affectedArtists)
            {
                if (!Artists.TryGetValue(id, out var artist))
                {
                    continue;
                }
                ReindexedArtists.Add(id);
                var tracks = artist.Tracks.Where(t => !oldTracks.ContainsKey(t.Id))
                    .Concat(AddedTracks.Where(t => t.Artists.Any(a => a.Id == id))).Distinct().ToList();
                tracks.Sort((a, b) => b.Popularity != a.Popularity ? b.Popularity.CompareTo(a.Popularity) : string.CompareOrdinal(a.Id, b.Id));
                var own = artist.OwnAlbums.Where(a => !_replacedAlbums.Contains(a.Id))
                    .Concat(_newAlbums.Where(a => a.Artists.Any(x => x.Id == id))).ToList();
                own.Sort(CatalogLoader.NewestFirst);
                var appearsOn = tracks.Select(t => t.Album).Where(a => a.Artists.All(x => x.Id != id)).Distinct().ToList();
                appearsOn.Sort(CatalogLoader.NewestFirst);
                (artist.Tracks, artist.OwnAlbums, artist.AppearsOn) = (tracks, own, appearsOn);
            }
        }

        /// <summary>The newest releases: the previous list unless a changed album was or is among them.</summary>
        public List<CatalogAlbum> NewReleases()
        {
            var limit = CatalogLoader.NewReleaseLimit;
            if (_replacedAlbums.Count == 0)
            {
                return [.. before.NewReleases];
            }
            if (before.NewReleases.Count == limit && before.NewReleases.All(a => !_replacedAlbums.Contains(a.Id)))
            {
                // The albums that did not change are where they were; only the new ones may enter.
                return CatalogLoader.NewReleases(before.NewReleases.Concat(_newAlbums));
            }
            return CatalogLoader.NewReleases(Albums.Values);
        }
    }
}
