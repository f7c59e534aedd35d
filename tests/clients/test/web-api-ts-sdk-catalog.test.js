// @spotify/web-api-ts-sdk, unmodified, against a Jukebox server: the catalog and search calls,
// with a client-credentials token. Its requests reach the server as in web-api-ts-sdk.test.js.
import { SpotifyApi } from '@spotify/web-api-ts-sdk';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demo } from '../lib/accounts.js';
import { failure, ids } from '../lib/calls.js';
import { jukeboxFetch, routeGlobalFetch } from '../lib/redirect.js';
import { startRoutedJukebox } from '../lib/suite.js';

let suite;
let config;
let sdk;

before(async () => {
  suite = await startRoutedJukebox(routeGlobalFetch);
  config = { fetch: jukeboxFetch(suite.server.baseUrl) };
});

after(() => suite?.stop());

describe('catalog', () => {
  before(() => {
    sdk ??= SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
  });

  test('albums.get of one id', async () => {
    const album = await sdk.albums.get(suite.catalog.album.id, 'US');
    assert.equal(album.id, suite.catalog.album.id);
    assert.equal(album.name, suite.catalog.album.name);
    assert.equal(album.artists[0].id, suite.catalog.artist.id);
    assert.equal(album.tracks.total, suite.catalog.album.total_tracks);
    assert.deepEqual(ids(album.tracks.items), ids(suite.catalog.album.tracks.items));
  });

  test('albums.get of several ids', async () => {
    const albums = await sdk.albums.get(ids(suite.catalog.albums), 'US');
    assert.deepEqual(ids(albums), ids(suite.catalog.albums));
    assert.deepEqual(albums.map(a => a.name), suite.catalog.albums.map(a => a.name));
  });

  test('albums.tracks', async () => {
    const page = await sdk.albums.tracks(suite.catalog.album.id, 'US', 2, 1);
    assert.equal(page.total, suite.catalog.album.total_tracks);
    assert.equal(page.limit, 2);
    assert.equal(page.offset, 1);
    assert.deepEqual(ids(page.items), ids(suite.catalog.album.tracks.items.slice(1, 3)));
  });

  test('artists.get of one id', async () => {
    const artist = await sdk.artists.get(suite.catalog.artist.id);
    assert.equal(artist.id, suite.catalog.artist.id);
    assert.equal(artist.name, suite.catalog.artist.name);
    assert.equal(artist.popularity, suite.catalog.artist.popularity);
  });

  test('artists.get of several ids', async () => {
    const artists = await sdk.artists.get(ids(suite.catalog.artists));
    assert.deepEqual(ids(artists), ids(suite.catalog.artists));
    assert.deepEqual(artists.map(a => a.name), suite.catalog.artists.map(a => a.name));
  });

  test('artists.albums', async () => {
    const page = await sdk.artists.albums(suite.catalog.artist.id, 'album,single,compilation,appears_on', 'US', 10, 0);
    assert.equal(page.total, suite.catalog.artistAlbums.total);
    assert.deepEqual(ids(page.items), ids(suite.catalog.artistAlbums.items));
  });

  test('artists.albums of one group', async () => {
    const page = await sdk.artists.albums(suite.catalog.artist.id, 'album', 'US', 10);
    assert.ok(page.total > 0 && page.total <= suite.catalog.artistAlbums.total);
    assert.ok(page.items.every(a => a.album_group === 'album'));
  });

  test('artists.topTracks', async () => {
    const { tracks } = await sdk.artists.topTracks(suite.catalog.artist.id, 'US');
    assert.ok(tracks.length > 0 && tracks.length <= 10);
    assert.deepEqual(ids(tracks), ids(suite.catalog.topTracks.tracks));
  });

  test('artists.relatedArtists', async () => {
    const { artists } = await sdk.artists.relatedArtists(suite.catalog.artist.id);
    assert.deepEqual(ids(artists), ids(suite.catalog.related.artists));
  });

  test('tracks.get of one id', async () => {
    const [track] = suite.catalog.tracks;
    const result = await sdk.tracks.get(track.id, 'US');
    assert.equal(result.id, track.id);
    assert.equal(result.name, track.name);
    assert.equal(result.album.id, suite.catalog.album.id);
    assert.equal(result.is_playable, true);
  });

  test('tracks.get of several ids', async () => {
    const tracks = await sdk.tracks.get(ids(suite.catalog.tracks), 'US');
    assert.deepEqual(ids(tracks), ids(suite.catalog.tracks));
    assert.deepEqual(tracks.map(t => t.duration_ms), suite.catalog.tracks.map(t => t.duration_ms));
  });

  test('shows.get of one id', async () => {
    const show = await sdk.shows.get(suite.catalog.show.id, 'US');
    assert.equal(show.id, suite.catalog.show.id);
    assert.equal(show.name, 'The Vinyl Hour');
    assert.equal(show.total_episodes, suite.catalog.show.total_episodes);
  });

  test('shows.get of several ids', async () => {
    const shows = await sdk.shows.get([suite.catalog.show.id, suite.catalog.secondShow.id], 'US');
    assert.deepEqual(ids(shows), [suite.catalog.show.id, suite.catalog.secondShow.id]);
    assert.deepEqual(shows.map(s => s.name), ['The Vinyl Hour', suite.catalog.secondShow.name]);
  });

  test('shows.episodes', async () => {
    const page = await sdk.shows.episodes(suite.catalog.show.id, 'US', 5, 2);
    assert.equal(page.total, suite.catalog.show.total_episodes);
    assert.equal(page.offset, 2);
    assert.deepEqual(ids(page.items), ids(suite.catalog.showEpisodes.items));
  });

  test('episodes.get of one id', async () => {
    const episode = await sdk.episodes.get(suite.catalog.episode.id, 'US');
    assert.equal(episode.id, suite.catalog.episode.id);
    assert.equal(episode.name, suite.catalog.episode.name);
    assert.equal(episode.show.id, suite.catalog.show.id);
  });

  test('episodes.get of several ids', async () => {
    const second = suite.catalog.showEpisodes.items[0];
    const episodes = await sdk.episodes.get([suite.catalog.episode.id, second.id], 'US');
    assert.deepEqual(ids(episodes), [suite.catalog.episode.id, second.id]);
  });

  test('audiobooks.get of one id', async () => {
    const book = await sdk.audiobooks.get(suite.catalog.audiobook.id, 'US');
    assert.equal(book.id, suite.catalog.audiobook.id);
    assert.equal(book.name, 'Pride and Prejudice');
    assert.deepEqual(book.authors, [{ name: 'Jane Austen' }]);
    assert.equal(book.total_chapters, suite.catalog.audiobook.total_chapters);
  });

  test('audiobooks.get of several ids', async () => {
    const books = await sdk.audiobooks.get([suite.catalog.audiobook.id, suite.catalog.secondAudiobook.id], 'US');
    assert.deepEqual(ids(books), [suite.catalog.audiobook.id, suite.catalog.secondAudiobook.id]);
    assert.deepEqual(books.map(b => b.name), ['Pride and Prejudice', suite.catalog.secondAudiobook.name]);
  });

  test('audiobooks.getAudiobookChapters', async () => {
    const page = await sdk.audiobooks.getAudiobookChapters(suite.catalog.audiobook.id, 'US', 3, 0);
    assert.equal(page.total, suite.catalog.audiobook.total_chapters);
    assert.equal(page.limit, 3);
    assert.deepEqual(ids(page.items), ids(suite.catalog.audiobookChapters.items));
    assert.equal(page.items[0].name, 'Chapter 1');
  });

  test('chapters.get of one id', async () => {
    const chapter = await sdk.chapters.get(suite.catalog.chapter.id, 'US');
    assert.equal(chapter.id, suite.catalog.chapter.id);
    assert.equal(chapter.name, 'Chapter 1');
    assert.equal(chapter.audiobook.id, suite.catalog.audiobook.id);
  });

  test('chapters.get of several ids', async () => {
    const second = suite.catalog.audiobookChapters.items[1];
    const chapters = await sdk.chapters.get([suite.catalog.chapter.id, second.id], 'US');
    assert.deepEqual(ids(chapters), [suite.catalog.chapter.id, second.id]);
  });

  test('browse.getCategories', async () => {
    const { categories } = await sdk.browse.getCategories('US', 'en_US', 5, 5);
    assert.equal(categories.total, suite.catalog.categories.total);
    assert.equal(categories.offset, 5);
    assert.deepEqual(ids(categories.items), ids(suite.catalog.categories.items.slice(5, 10)));
  });

  test('browse.getCategory', async () => {
    const category = await sdk.browse.getCategory('rock', 'US');
    assert.equal(category.id, 'rock');
    assert.equal(category.name, suite.catalog.categories.items.find(c => c.id === 'rock').name);
  });

  test('browse.getPlaylistsForCategory', async () => {
    const { message, playlists } = await sdk.browse.getPlaylistsForCategory('rock', 'US');
    assert.equal(message, suite.catalog.categoryPlaylists.message);
    assert.equal(playlists.total, suite.catalog.categoryPlaylists.playlists.total);
    assert.deepEqual(ids(playlists.items), ids(suite.catalog.categoryPlaylists.playlists.items));
  });

  test('browse.getFeaturedPlaylists', async () => {
    const { message, playlists } = await sdk.browse.getFeaturedPlaylists('US');
    assert.equal(message, suite.catalog.featured.message);
    assert.deepEqual(ids(playlists.items), ids(suite.catalog.featured.playlists.items));
  });

  test('browse.getNewReleases', async () => {
    const { albums } = await sdk.browse.getNewReleases('US', 20, 0);
    assert.equal(albums.total, suite.catalog.releases.total);
    assert.deepEqual(ids(albums.items), ids(suite.catalog.releases.items.slice(0, 20)));
  });

  test('recommendations.genreSeeds', async () => {
    const { genres } = await sdk.recommendations.genreSeeds();
    assert.deepEqual(genres, suite.catalog.genreSeeds);
  });

  test('markets.getAvailableMarkets', async () => {
    const { markets } = await sdk.markets.getAvailableMarkets();
    assert.deepEqual(markets, suite.catalog.markets);
    assert.ok(markets.includes('US') && markets.includes('DE'));
  });
});

describe('search, audio features and recommendations', () => {
  before(() => {
    sdk ??= SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
  });

  test('search finds an artist by its exact name first', async () => {
    const { artists } = await sdk.search(suite.catalog.artist.name, ['artist'], 'US', 5);
    assert.equal(artists.items[0].id, suite.catalog.artist.id);
    assert.ok(artists.total >= 1);
    assert.equal(artists.limit, 5);
  });

  test('search with field filters and several types gives a page per type', async () => {
    const track = suite.catalog.tracks[0];
    const result = await sdk.search(`track:"${track.name}" artist:"${suite.catalog.artist.name}"`, ['track', 'album'], 'US', 10);
    assert.ok(ids(result.tracks.items).includes(track.id), `${track.name} among ${result.tracks.items.map(t => t.name)}`);
    assert.ok(result.albums.total >= 0);
    assert.equal(result.artists, undefined);
  });

  test('tracks.audioFeatures of one and of several tracks', async () => {
    const one = await sdk.tracks.audioFeatures(suite.catalog.tracks[0].id);
    assert.equal(one.id, suite.catalog.tracks[0].id);
    assert.ok(one.tempo > 0 && one.energy >= 0 && one.energy <= 1 && one.key >= -1 && one.key <= 11);
    const several = await sdk.tracks.audioFeatures(ids(suite.catalog.tracks));
    assert.deepEqual(ids(several), ids(suite.catalog.tracks));
    assert.deepEqual(several[0], one);
  });

  test('tracks.audioAnalysis agrees with the track\'s features', async () => {
    const track = suite.catalog.tracks[0];
    const [analysis, features] = await Promise.all([sdk.tracks.audioAnalysis(track.id), sdk.tracks.audioFeatures(track.id)]);
    assert.ok(Math.abs(analysis.track.duration * 1000 - track.duration_ms) < 1000);
    assert.equal(analysis.track.time_signature, features.time_signature);
    assert.ok(analysis.beats.length > 0 && analysis.bars.length > 0 && analysis.segments.length > 0);
    assert.ok(analysis.beats.every(b => b.start >= 0 && b.start + b.duration <= analysis.track.duration + 0.001));
  });

  test('recommendations.get honours its seed and a min_ attribute', async () => {
    const result = await sdk.recommendations.get({ seed_artists: [suite.catalog.artist.id], limit: 10, min_energy: 0.3, market: 'US' });
    assert.equal(result.seeds[0].id, suite.catalog.artist.id);
    assert.ok(result.tracks.length > 0 && result.tracks.length <= 10);
    const features = await sdk.tracks.audioFeatures(ids(result.tracks));
    assert.ok(features.every(f => f.energy >= 0.3), features.map(f => f.energy).join(','));
  });

  test('a search without a query gives the SDK\'s 400 error', async () => {
    const error = await failure(() => sdk.search('', ['track']));
    assert.match(error.message, /400/);
  });
});
