// spotify-web-api-node, unmodified, against a Jukebox server: the catalog and search calls,
// with a client-credentials token. Its requests are routed to the server as in spotify-web-api-node.test.js.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SpotifyWebApi from 'spotify-web-api-node';
import { demo } from '../lib/accounts.js';
import { failure, ids } from '../lib/calls.js';
import { unknownId } from '../lib/catalog.js';
import { routeSpotifyWebApiNode } from '../lib/redirect.js';
import { startRoutedJukebox } from '../lib/suite.js';

let suite;
const api = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret });

before(async () => {
  suite = await startRoutedJukebox(routeSpotifyWebApiNode);
});

after(() => suite?.stop());

describe('catalog', () => {
  before(async () => {
    if (!api.getAccessToken()) api.setAccessToken((await api.clientCredentialsGrant()).body.access_token);
  });

  test('getAlbum', async () => {
    const { body, statusCode } = await api.getAlbum(suite.catalog.album.id, { market: 'US' });
    assert.equal(statusCode, 200);
    assert.equal(body.id, suite.catalog.album.id);
    assert.equal(body.name, suite.catalog.album.name);
    assert.equal(body.type, 'album');
    assert.equal(body.uri, `spotify:album:${suite.catalog.album.id}`);
    assert.equal(body.artists[0].id, suite.catalog.artist.id);
    assert.equal(body.tracks.total, suite.catalog.album.total_tracks);
    assert.deepEqual(ids(body.tracks.items), ids(suite.catalog.album.tracks.items));
  });

  test('getAlbums', async () => {
    const wanted = [...ids(suite.catalog.albums), unknownId];
    const { body } = await api.getAlbums(wanted, { market: 'US' });
    assert.deepEqual(ids(body.albums), [...ids(suite.catalog.albums), undefined]);
    assert.equal(body.albums.at(-1), null);
    assert.deepEqual(body.albums.slice(0, -1).map(a => a.name), suite.catalog.albums.map(a => a.name));
  });

  test('getAlbumTracks', async () => {
    const { body } = await api.getAlbumTracks(suite.catalog.album.id, { market: 'US', limit: 2, offset: 1 });
    assert.equal(body.total, suite.catalog.album.total_tracks);
    assert.equal(body.limit, 2);
    assert.equal(body.offset, 1);
    assert.deepEqual(ids(body.items), ids(suite.catalog.album.tracks.items.slice(1, 3)));
    assert.equal(body.next, suite.catalog.albumTracks.next);
    assert.ok(body.previous);
  });

  test('getArtist', async () => {
    const { body } = await api.getArtist(suite.catalog.artist.id);
    assert.equal(body.id, suite.catalog.artist.id);
    assert.equal(body.name, suite.catalog.artist.name);
    assert.equal(body.type, 'artist');
    assert.equal(body.followers.total, suite.catalog.artist.followers.total);
    assert.deepEqual(body.genres, suite.catalog.artist.genres);
  });

  test('getArtists', async () => {
    const { body } = await api.getArtists(ids(suite.catalog.artists));
    assert.deepEqual(ids(body.artists), ids(suite.catalog.artists));
    assert.deepEqual(body.artists.map(a => a.name), suite.catalog.artists.map(a => a.name));
  });

  test('getArtistAlbums', async () => {
    const { body } = await api.getArtistAlbums(suite.catalog.artist.id, { market: 'US', limit: 10 });
    assert.equal(body.total, suite.catalog.artistAlbums.total);
    assert.equal(body.limit, 10);
    assert.deepEqual(ids(body.items), ids(suite.catalog.artistAlbums.items));
    assert.ok(body.items.every(a => a.album_group), 'discography albums carry their album_group');
  });

  test('getArtistTopTracks', async () => {
    const { body } = await api.getArtistTopTracks(suite.catalog.artist.id, 'US');
    assert.ok(body.tracks.length > 0);
    assert.deepEqual(ids(body.tracks), ids(suite.catalog.topTracks.tracks));
    assert.ok(body.tracks.every(t => t.artists.some(a => a.id === suite.catalog.artist.id)));
  });

  test('getArtistRelatedArtists', async () => {
    const { body } = await api.getArtistRelatedArtists(suite.catalog.artist.id);
    assert.deepEqual(ids(body.artists), ids(suite.catalog.related.artists));
    assert.ok(!ids(body.artists).includes(suite.catalog.artist.id));
  });

  test('getTrack', async () => {
    const [track] = suite.catalog.tracks;
    const { body } = await api.getTrack(track.id, { market: 'US' });
    assert.equal(body.id, track.id);
    assert.equal(body.name, track.name);
    assert.equal(body.duration_ms, track.duration_ms);
    assert.equal(body.album.id, suite.catalog.album.id);
    assert.equal(body.is_playable, true);
  });

  test('getTracks', async () => {
    const { body } = await api.getTracks(ids(suite.catalog.tracks), { market: 'US' });
    assert.deepEqual(ids(body.tracks), ids(suite.catalog.tracks));
    assert.deepEqual(body.tracks.map(t => t.name), suite.catalog.tracks.map(t => t.name));
  });

  test('getShow', async () => {
    const { body } = await api.getShow(suite.catalog.show.id, { market: 'US' });
    assert.equal(body.id, suite.catalog.show.id);
    assert.equal(body.name, 'The Vinyl Hour');
    assert.equal(body.publisher, suite.catalog.show.publisher);
    assert.equal(body.total_episodes, suite.catalog.show.total_episodes);
    assert.equal(body.episodes.total, suite.catalog.show.total_episodes);
  });

  test('getShows', async () => {
    const { body } = await api.getShows([suite.catalog.show.id, suite.catalog.secondShow.id], { market: 'US' });
    assert.deepEqual(ids(body.shows), [suite.catalog.show.id, suite.catalog.secondShow.id]);
    assert.deepEqual(body.shows.map(s => s.name), ['The Vinyl Hour', suite.catalog.secondShow.name]);
  });

  test('getShowEpisodes', async () => {
    const { body } = await api.getShowEpisodes(suite.catalog.show.id, { market: 'US', limit: 5, offset: 2 });
    assert.equal(body.total, suite.catalog.show.total_episodes);
    assert.equal(body.limit, 5);
    assert.equal(body.offset, 2);
    assert.deepEqual(ids(body.items), ids(suite.catalog.showEpisodes.items));
  });

  test('getEpisode', async () => {
    const { body } = await api.getEpisode(suite.catalog.episode.id, { market: 'US' });
    assert.equal(body.id, suite.catalog.episode.id);
    assert.equal(body.name, suite.catalog.episode.name);
    assert.match(body.name, /^The Vinyl Hour #1: /);
    assert.equal(body.show.id, suite.catalog.show.id);
  });

  test('getEpisodes', async () => {
    const second = suite.catalog.showEpisodes.items[0];
    const { body } = await api.getEpisodes([suite.catalog.episode.id, second.id], { market: 'US' });
    assert.deepEqual(ids(body.episodes), [suite.catalog.episode.id, second.id]);
    assert.deepEqual(body.episodes.map(e => e.name), [suite.catalog.episode.name, second.name]);
  });

  test('getCategories', async () => {
    const { body } = await api.getCategories({ limit: 5, offset: 0 });
    assert.equal(body.categories.total, suite.catalog.categories.total);
    assert.equal(body.categories.limit, 5);
    assert.deepEqual(ids(body.categories.items), ids(suite.catalog.categories.items.slice(0, 5)));
  });

  test('getCategory', async () => {
    const { body } = await api.getCategory('rock', { country: 'US' });
    assert.equal(body.id, 'rock');
    assert.equal(body.name, suite.catalog.categories.items.find(c => c.id === 'rock').name);
    assert.ok(body.icons.length > 0);
  });

  test('getCategory in another locale', async () => {
    const { body } = await api.getCategory('rock', { locale: 'es_ES' });
    assert.equal(body.id, 'rock');
    assert.ok(body.name.length > 0);
  });

  test('getPlaylistsForCategory', async () => {
    const { body } = await api.getPlaylistsForCategory('rock', { country: 'US' });
    assert.equal(body.message, suite.catalog.categoryPlaylists.message);
    assert.equal(body.playlists.total, suite.catalog.categoryPlaylists.playlists.total);
    assert.deepEqual(ids(body.playlists.items), ids(suite.catalog.categoryPlaylists.playlists.items));
  });

  test('getFeaturedPlaylists', async () => {
    const { body } = await api.getFeaturedPlaylists({ country: 'US' });
    assert.equal(body.message, suite.catalog.featured.message);
    assert.equal(body.playlists.total, suite.catalog.featured.playlists.total);
    assert.deepEqual(ids(body.playlists.items), ids(suite.catalog.featured.playlists.items));
  });

  test('getNewReleases', async () => {
    const { body } = await api.getNewReleases({ country: 'US', limit: 10, offset: 5 });
    assert.equal(body.albums.total, suite.catalog.releases.total);
    assert.equal(body.albums.offset, 5);
    assert.deepEqual(ids(body.albums.items), ids(suite.catalog.releases.items.slice(5, 15)));
  });

  test('getAvailableGenreSeeds', async () => {
    const { body } = await api.getAvailableGenreSeeds();
    assert.deepEqual(body.genres, suite.catalog.genreSeeds);
    assert.ok(body.genres.includes('rock'));
  });
});

describe('search, audio features and recommendations', () => {
  before(async () => {
    if (!api.getAccessToken()) api.setAccessToken((await api.clientCredentialsGrant()).body.access_token);
  });

  test('searchArtists finds an artist by its exact name first', async () => {
    const { body, statusCode } = await api.searchArtists(suite.catalog.artist.name, { limit: 5, market: 'US' });
    assert.equal(statusCode, 200);
    assert.equal(body.artists.items[0].id, suite.catalog.artist.id);
    assert.equal(body.artists.limit, 5);
  });

  test('searchTracks with field filters finds the track', async () => {
    const track = suite.catalog.tracks[0];
    const { body } = await api.searchTracks(`track:"${track.name}" artist:"${suite.catalog.artist.name}"`, { limit: 10, market: 'US' });
    assert.ok(ids(body.tracks.items).includes(track.id));
  });

  test('search of several types and searchAlbums page with offset', async () => {
    const { body } = await api.search(suite.catalog.artist.name, ['artist', 'album', 'track'], { limit: 3 });
    assert.ok(body.artists && body.albums && body.tracks);
    const first = (await api.searchAlbums(`artist:"${suite.catalog.artist.name}"`, { limit: 1, offset: 0 })).body.albums;
    const second = (await api.searchAlbums(`artist:"${suite.catalog.artist.name}"`, { limit: 1, offset: 1 })).body.albums;
    assert.equal(first.total, second.total);
    if (first.total > 1) assert.notEqual(first.items[0].id, second.items[0].id);
  });

  test('getAudioFeaturesForTrack and getAudioFeaturesForTracks agree', async () => {
    const one = (await api.getAudioFeaturesForTrack(suite.catalog.tracks[0].id)).body;
    const several = (await api.getAudioFeaturesForTracks(ids(suite.catalog.tracks))).body.audio_features;
    assert.deepEqual(ids(several), ids(suite.catalog.tracks));
    assert.deepEqual(several[0], one);
    assert.ok(one.danceability >= 0 && one.danceability <= 1 && one.tempo > 0);
  });

  test('getAudioAnalysisForTrack covers the track\'s duration', async () => {
    const track = suite.catalog.tracks[0];
    const { body } = await api.getAudioAnalysisForTrack(track.id);
    assert.ok(Math.abs(body.track.duration * 1000 - track.duration_ms) < 1000);
    assert.ok(body.sections.length > 0 && body.tatums.length >= body.beats.length);
  });

  test('getRecommendations honours max_ and target_ attributes', async () => {
    const { body } = await api.getRecommendations({ seed_artists: suite.catalog.artist.id, limit: 5, max_tempo: 130, target_valence: 0.5 });
    assert.equal(body.seeds[0].id, suite.catalog.artist.id);
    assert.ok(body.tracks.length > 0 && body.tracks.length <= 5);
    const features = (await api.getAudioFeaturesForTracks(ids(body.tracks))).body.audio_features;
    assert.ok(features.every(f => f.tempo <= 130), features.map(f => f.tempo).join(','));
  });

  test('recommendations with six seeds give the library\'s 400 error', async () => {
    const error = await failure(() => api.getRecommendations({ seed_genres: suite.catalog.genreSeeds.slice(0, 6).join(',') }));
    assert.equal(error.statusCode, 400);
  });
});
