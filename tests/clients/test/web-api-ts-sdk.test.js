// @spotify/web-api-ts-sdk, unmodified, against a Jukebox server: its Web API requests go through the
// documented `fetch` option; its token requests (client credentials, refresh) call the global fetch,
// which the suite routes to the server the same way.
import { SpotifyApi } from '@spotify/web-api-ts-sdk';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Browser, demo } from '../lib/accounts.js';
import { malformedId, readCatalog, unknownId } from '../lib/catalog.js';
import { jukeboxFetch, routeGlobalFetch, toJukebox } from '../lib/redirect.js';
import { advance, createListener } from '../lib/player.js';
import { startJukebox } from '../lib/server.js';
import { newUser, userToken } from '../lib/users.js';

let server;
let unroute;
let catalog;
let config;
let sdk;

before(async () => {
  server = await startJukebox();
  catalog = await readCatalog(server.baseUrl);
  config = { fetch: jukeboxFetch(server.baseUrl) };
  unroute = routeGlobalFetch(server.baseUrl);
});

after(async () => {
  unroute?.();
  await server?.stop();
});

const ids = items => items.map(item => item?.id);

/** Runs call, which must reject, and returns the error. */
async function failure(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded');
}

describe('client credentials', () => {
  test('withClientCredentials obtains a token on the first call', async () => {
    sdk = SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
    assert.equal(await sdk.getAccessToken(), null);
    const { authenticated, accessToken } = await sdk.authenticate();
    assert.equal(authenticated, true);
    assert.equal(accessToken.token_type, 'Bearer');
    assert.ok(accessToken.expires_in > 3000 && accessToken.expires_in <= 3600);
    assert.equal((await sdk.getAccessToken()).access_token, accessToken.access_token);
  });

  test('a wrong client secret fails to get a token', async () => {
    const wrong = SpotifyApi.withClientCredentials(demo.clientId, 'ffffffffffffffffffffffffffffffff', [], config);
    const error = await failure(() => wrong.albums.get(catalog.album.id));
    assert.equal(error.message, 'Failed to get access token.');
  });
});

describe('catalog', () => {
  before(() => {
    sdk ??= SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
  });

  test('albums.get of one id', async () => {
    const album = await sdk.albums.get(catalog.album.id, 'US');
    assert.equal(album.id, catalog.album.id);
    assert.equal(album.name, catalog.album.name);
    assert.equal(album.artists[0].id, catalog.artist.id);
    assert.equal(album.tracks.total, catalog.album.total_tracks);
    assert.deepEqual(ids(album.tracks.items), ids(catalog.album.tracks.items));
  });

  test('albums.get of several ids', async () => {
    const albums = await sdk.albums.get(ids(catalog.albums), 'US');
    assert.deepEqual(ids(albums), ids(catalog.albums));
    assert.deepEqual(albums.map(a => a.name), catalog.albums.map(a => a.name));
  });

  test('albums.tracks', async () => {
    const page = await sdk.albums.tracks(catalog.album.id, 'US', 2, 1);
    assert.equal(page.total, catalog.album.total_tracks);
    assert.equal(page.limit, 2);
    assert.equal(page.offset, 1);
    assert.deepEqual(ids(page.items), ids(catalog.album.tracks.items.slice(1, 3)));
  });

  test('artists.get of one id', async () => {
    const artist = await sdk.artists.get(catalog.artist.id);
    assert.equal(artist.id, catalog.artist.id);
    assert.equal(artist.name, catalog.artist.name);
    assert.equal(artist.popularity, catalog.artist.popularity);
  });

  test('artists.get of several ids', async () => {
    const artists = await sdk.artists.get(ids(catalog.artists));
    assert.deepEqual(ids(artists), ids(catalog.artists));
    assert.deepEqual(artists.map(a => a.name), catalog.artists.map(a => a.name));
  });

  test('artists.albums', async () => {
    const page = await sdk.artists.albums(catalog.artist.id, 'album,single,compilation,appears_on', 'US', 10, 0);
    assert.equal(page.total, catalog.artistAlbums.total);
    assert.deepEqual(ids(page.items), ids(catalog.artistAlbums.items));
  });

  test('artists.albums of one group', async () => {
    const page = await sdk.artists.albums(catalog.artist.id, 'album', 'US', 10);
    assert.ok(page.total > 0 && page.total <= catalog.artistAlbums.total);
    assert.ok(page.items.every(a => a.album_group === 'album'));
  });

  test('artists.topTracks', async () => {
    const { tracks } = await sdk.artists.topTracks(catalog.artist.id, 'US');
    assert.ok(tracks.length > 0 && tracks.length <= 10);
    assert.deepEqual(ids(tracks), ids(catalog.topTracks.tracks));
  });

  test('artists.relatedArtists', async () => {
    const { artists } = await sdk.artists.relatedArtists(catalog.artist.id);
    assert.deepEqual(ids(artists), ids(catalog.related.artists));
  });

  test('tracks.get of one id', async () => {
    const [track] = catalog.tracks;
    const result = await sdk.tracks.get(track.id, 'US');
    assert.equal(result.id, track.id);
    assert.equal(result.name, track.name);
    assert.equal(result.album.id, catalog.album.id);
    assert.equal(result.is_playable, true);
  });

  test('tracks.get of several ids', async () => {
    const tracks = await sdk.tracks.get(ids(catalog.tracks), 'US');
    assert.deepEqual(ids(tracks), ids(catalog.tracks));
    assert.deepEqual(tracks.map(t => t.duration_ms), catalog.tracks.map(t => t.duration_ms));
  });

  test('shows.get of one id', async () => {
    const show = await sdk.shows.get(catalog.show.id, 'US');
    assert.equal(show.id, catalog.show.id);
    assert.equal(show.name, 'The Vinyl Hour');
    assert.equal(show.total_episodes, catalog.show.total_episodes);
  });

  test('shows.get of several ids', async () => {
    const shows = await sdk.shows.get([catalog.show.id, catalog.secondShow.id], 'US');
    assert.deepEqual(ids(shows), [catalog.show.id, catalog.secondShow.id]);
    assert.deepEqual(shows.map(s => s.name), ['The Vinyl Hour', catalog.secondShow.name]);
  });

  test('shows.episodes', async () => {
    const page = await sdk.shows.episodes(catalog.show.id, 'US', 5, 2);
    assert.equal(page.total, catalog.show.total_episodes);
    assert.equal(page.offset, 2);
    assert.deepEqual(ids(page.items), ids(catalog.showEpisodes.items));
  });

  test('episodes.get of one id', async () => {
    const episode = await sdk.episodes.get(catalog.episode.id, 'US');
    assert.equal(episode.id, catalog.episode.id);
    assert.equal(episode.name, catalog.episode.name);
    assert.equal(episode.show.id, catalog.show.id);
  });

  test('episodes.get of several ids', async () => {
    const second = catalog.showEpisodes.items[0];
    const episodes = await sdk.episodes.get([catalog.episode.id, second.id], 'US');
    assert.deepEqual(ids(episodes), [catalog.episode.id, second.id]);
  });

  test('audiobooks.get of one id', async () => {
    const book = await sdk.audiobooks.get(catalog.audiobook.id, 'US');
    assert.equal(book.id, catalog.audiobook.id);
    assert.equal(book.name, 'Pride and Prejudice');
    assert.deepEqual(book.authors, [{ name: 'Jane Austen' }]);
    assert.equal(book.total_chapters, catalog.audiobook.total_chapters);
  });

  test('audiobooks.get of several ids', async () => {
    const books = await sdk.audiobooks.get([catalog.audiobook.id, catalog.secondAudiobook.id], 'US');
    assert.deepEqual(ids(books), [catalog.audiobook.id, catalog.secondAudiobook.id]);
    assert.deepEqual(books.map(b => b.name), ['Pride and Prejudice', catalog.secondAudiobook.name]);
  });

  test('audiobooks.getAudiobookChapters', async () => {
    const page = await sdk.audiobooks.getAudiobookChapters(catalog.audiobook.id, 'US', 3, 0);
    assert.equal(page.total, catalog.audiobook.total_chapters);
    assert.equal(page.limit, 3);
    assert.deepEqual(ids(page.items), ids(catalog.audiobookChapters.items));
    assert.equal(page.items[0].name, 'Chapter 1');
  });

  test('chapters.get of one id', async () => {
    const chapter = await sdk.chapters.get(catalog.chapter.id, 'US');
    assert.equal(chapter.id, catalog.chapter.id);
    assert.equal(chapter.name, 'Chapter 1');
    assert.equal(chapter.audiobook.id, catalog.audiobook.id);
  });

  test('chapters.get of several ids', async () => {
    const second = catalog.audiobookChapters.items[1];
    const chapters = await sdk.chapters.get([catalog.chapter.id, second.id], 'US');
    assert.deepEqual(ids(chapters), [catalog.chapter.id, second.id]);
  });

  test('browse.getCategories', async () => {
    const { categories } = await sdk.browse.getCategories('US', 'en_US', 5, 5);
    assert.equal(categories.total, catalog.categories.total);
    assert.equal(categories.offset, 5);
    assert.deepEqual(ids(categories.items), ids(catalog.categories.items.slice(5, 10)));
  });

  test('browse.getCategory', async () => {
    const category = await sdk.browse.getCategory('rock', 'US');
    assert.equal(category.id, 'rock');
    assert.equal(category.name, catalog.categories.items.find(c => c.id === 'rock').name);
  });

  test('browse.getPlaylistsForCategory', async () => {
    const { message, playlists } = await sdk.browse.getPlaylistsForCategory('rock', 'US');
    assert.equal(message, catalog.categoryPlaylists.message);
    assert.equal(playlists.total, catalog.categoryPlaylists.playlists.total);
    assert.deepEqual(ids(playlists.items), ids(catalog.categoryPlaylists.playlists.items));
  });

  test('browse.getFeaturedPlaylists', async () => {
    const { message, playlists } = await sdk.browse.getFeaturedPlaylists('US');
    assert.equal(message, catalog.featured.message);
    assert.deepEqual(ids(playlists.items), ids(catalog.featured.playlists.items));
  });

  test('browse.getNewReleases', async () => {
    const { albums } = await sdk.browse.getNewReleases('US', 20, 0);
    assert.equal(albums.total, catalog.releases.total);
    assert.deepEqual(ids(albums.items), ids(catalog.releases.items.slice(0, 20)));
  });

  test('recommendations.genreSeeds', async () => {
    const { genres } = await sdk.recommendations.genreSeeds();
    assert.deepEqual(genres, catalog.genreSeeds);
  });

  test('markets.getAvailableMarkets', async () => {
    const { markets } = await sdk.markets.getAvailableMarkets();
    assert.deepEqual(markets, catalog.markets);
    assert.ok(markets.includes('US') && markets.includes('DE'));
  });
});

describe('library and follows', () => {
  let user;
  let userId;
  let artistIds;

  before(async () => {
    userId = await newUser(server.baseUrl);
    user = SpotifyApi.withAccessToken(demo.clientId, await userToken(server.baseUrl, userId), config);
    artistIds = [...new Set([catalog.artist.id, ...ids(catalog.artists), ...ids(catalog.related.artists)])].slice(0, 3).sort();
  });

  test('currentUser.tracks: saveTracks (a bare array), hasSavedTracks, savedTracks and removeSavedTracks', async () => {
    const [first, second, third] = ids(catalog.tracks);
    await user.currentUser.tracks.saveTracks([first, second]);
    assert.deepEqual(await user.currentUser.tracks.hasSavedTracks([first, second, third]), [true, true, false]);
    const page = await user.currentUser.tracks.savedTracks(50, 0, 'US');
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map(i => i.track.id), [second, first]);
    assert.equal(page.next, null);
    await user.currentUser.tracks.removeSavedTracks([second]);
    assert.deepEqual(await user.currentUser.tracks.hasSavedTracks([first, second]), [true, false]);
  });

  test('currentUser.albums: saveAlbums, savedAlbums, hasSavedAlbums and removeSavedAlbums', async () => {
    const albumIds = ids(catalog.albums);
    await user.currentUser.albums.saveAlbums(albumIds);
    const page = await user.currentUser.albums.savedAlbums(2, 0, 'US');
    assert.equal(page.total, albumIds.length);
    assert.deepEqual(page.items.map(i => i.album.id), [...albumIds].reverse().slice(0, 2));
    await user.currentUser.albums.removeSavedAlbums([albumIds[1]]);
    assert.deepEqual(await user.currentUser.albums.hasSavedAlbums(albumIds), albumIds.map((_, i) => i !== 1));
  });

  test('currentUser.episodes: saveEpisodes, savedEpisodes, hasSavedEpisodes and removeSavedEpisodes', async () => {
    const episodeIds = [catalog.episode.id, catalog.showEpisodes.items[0].id];
    await user.currentUser.episodes.saveEpisodes(episodeIds);
    const page = await user.currentUser.episodes.savedEpisodes('US');
    assert.deepEqual(page.items.map(i => i.episode.id), [...episodeIds].reverse());
    assert.equal(page.items[1].episode.show.id, catalog.show.id);
    await user.currentUser.episodes.removeSavedEpisodes([episodeIds[0]]);
    assert.deepEqual(await user.currentUser.episodes.hasSavedEpisodes(episodeIds), [false, true]);
  });

  test('currentUser.shows: saveShows (ids in the query), savedShows, hasSavedShow and removeSavedShows', async () => {
    await user.currentUser.shows.saveShows([catalog.show.id]);
    const page = await user.currentUser.shows.savedShows();
    assert.deepEqual(page.items.map(i => i.show.id), [catalog.show.id]);
    assert.deepEqual(await user.currentUser.shows.hasSavedShow([catalog.show.id, catalog.secondShow.id]), [true, false]);
    await user.currentUser.shows.removeSavedShows([catalog.show.id], 'US');
    assert.deepEqual(await user.currentUser.shows.hasSavedShow([catalog.show.id]), [false]);
  });

  test('currentUser.audiobooks: saveAudiobooks, savedAudiobooks, hasSavedAudiobooks and removeSavedAudiobooks', async () => {
    await user.currentUser.audiobooks.saveAudiobooks([catalog.audiobook.id, catalog.secondAudiobook.id]);
    const page = await user.currentUser.audiobooks.savedAudiobooks(1, 1);
    assert.equal(page.total, 2);
    // Spotify answers saved audiobook objects ({added_at, audiobook}), whatever the SDK's type says.
    assert.equal(page.items[0].audiobook.id, catalog.audiobook.id);
    await user.currentUser.audiobooks.removeSavedAudiobooks([catalog.audiobook.id]);
    assert.deepEqual(await user.currentUser.audiobooks.hasSavedAudiobooks([catalog.audiobook.id, catalog.secondAudiobook.id]), [false, true]);
  });

  test('currentUser: followArtistsOrUsers, followsArtistsOrUsers, followedArtists and unfollowArtistsOrUsers', async () => {
    const before = (await user.artists.get(artistIds[0])).followers.total;
    await user.currentUser.followArtistsOrUsers(artistIds, 'artist');
    assert.deepEqual(await user.currentUser.followsArtistsOrUsers([...artistIds, unknownId], 'artist'), [...artistIds.map(() => true), false]);
    assert.equal((await user.artists.get(artistIds[0])).followers.total, before + 1);

    const first = (await user.currentUser.followedArtists(undefined, 2)).artists;
    assert.equal(first.total, artistIds.length);
    assert.deepEqual(ids(first.items), artistIds.slice(0, 2));
    const rest = (await user.currentUser.followedArtists(first.cursors.after, 2)).artists;
    assert.deepEqual(ids(rest.items), artistIds.slice(2));

    await user.currentUser.unfollowArtistsOrUsers(artistIds, 'artist');
    assert.deepEqual(await user.currentUser.followsArtistsOrUsers(artistIds, 'artist'), artistIds.map(() => false));
    assert.equal((await user.artists.get(artistIds[0])).followers.total, before);
  });

  test('currentUser: following a user shows in their profile and in the follower\'s', async () => {
    const friend = await newUser(server.baseUrl);
    await user.currentUser.followArtistsOrUsers([friend], 'user');
    assert.deepEqual(await user.currentUser.followsArtistsOrUsers([friend], 'user'), [true]);
    assert.equal((await user.users.profile(friend)).followers.total, 1);
    const friendApi = SpotifyApi.withAccessToken(demo.clientId, await userToken(server.baseUrl, friend), config);
    await friendApi.currentUser.followArtistsOrUsers([userId], 'user');
    const me = await user.currentUser.profile();
    assert.equal(me.id, userId);
    assert.equal(me.followers.total, 1);
  });

  test('saving an unknown album gives the SDK\'s 404 error', async () => {
    const error = await failure(() => user.currentUser.albums.saveAlbums([unknownId]));
    assert.match(error.message, /^Unrecognised response code: 404 - Not Found\. Body: /);
  });
});

describe('errors', () => {
  before(() => {
    sdk ??= SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
  });

  for (const [name, call] of [
    ['albums.get', () => sdk.albums.get(unknownId)],
    ['artists.get', () => sdk.artists.get(unknownId)],
    ['tracks.get', () => sdk.tracks.get(unknownId)],
    ['audiobooks.get', () => sdk.audiobooks.get(unknownId, 'US')],
    ['browse.getCategory', () => sdk.browse.getCategory('no-such-category')],
  ]) {
    test(`${name} of an unknown id gives the SDK's 404 error`, async () => {
      const error = await failure(call);
      assert.match(error.message, /^Unrecognised response code: 404 - Not Found\. Body: /);
      const body = JSON.parse(error.message.slice(error.message.indexOf('Body: ') + 6));
      assert.equal(body.error.status, 404);
    });
  }

  for (const [name, call] of [
    ['albums.get', () => sdk.albums.get(malformedId)],
    ['shows.get', () => sdk.shows.get(malformedId, 'US')],
    ['tracks.get of several ids', () => sdk.tracks.get([catalog.tracks[0].id, malformedId])],
  ]) {
    test(`${name} of a malformed id gives the SDK's 400 error`, async () => {
      const error = await failure(call);
      assert.match(error.message, /^Unrecognised response code: 400 - Bad Request\. Body: /);
      const body = JSON.parse(error.message.slice(error.message.indexOf('Body: ') + 6));
      assert.deepEqual(body, { error: { status: 400, message: 'Invalid base62 id' } });
    });
  }

  test('a token the server never issued gives the SDK\'s 401 error', async () => {
    const forged = SpotifyApi.withAccessToken(demo.clientId,
      { access_token: 'not-a-token', token_type: 'Bearer', expires_in: 3600, refresh_token: '' }, config);
    const error = await failure(() => forged.albums.get(catalog.album.id));
    assert.match(error.message, /^Bad or expired token\./);
  });
});

describe('authorization code flow with PKCE', () => {
  const scopes = ['user-read-private', 'user-read-email'];
  const base64url = bytes => Buffer.from(bytes).toString('base64url');
  let token;

  async function authorize(challenge, decision = 'agree', showDialog = false) {
    // The URL AuthorizationCodeWithPKCEStrategy.generateRedirectUrlForUser builds, plus a state.
    const params = new URLSearchParams();
    params.append('client_id', demo.clientId);
    params.append('response_type', 'code');
    params.append('redirect_uri', demo.redirectUri);
    params.append('scope', scopes.join(' '));
    params.append('code_challenge_method', 'S256');
    params.append('code_challenge', challenge);
    params.append('state', 'pkce-state');
    if (showDialog) params.append('show_dialog', 'true');
    const url = `https://accounts.spotify.com/authorize?${params}`;
    return new Browser(server.baseUrl).authorize(toJukebox(url, server.baseUrl), { decision });
  }

  /** The code exchange AuthorizationCodeWithPKCEStrategy.exchangeCodeForToken makes: no client secret. */
  async function exchange(code, verifier) {
    const params = new URLSearchParams();
    params.append('client_id', demo.clientId);
    params.append('grant_type', 'authorization_code');
    params.append('code', code);
    params.append('redirect_uri', demo.redirectUri);
    params.append('code_verifier', verifier);
    return fetch('https://accounts.spotify.com/api/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params,
    });
  }

  test('the code is exchanged with client_id and code_verifier, and withAccessToken uses the token', async () => {
    const verifier = base64url(randomBytes(64));
    const challenge = base64url(createHash('sha256').update(verifier).digest());
    const back = await authorize(challenge);
    assert.equal(`${back.origin}${back.pathname}`, demo.redirectUri);
    assert.equal(back.searchParams.get('state'), 'pkce-state');
    const code = back.searchParams.get('code');
    assert.ok(code, `no code in ${back}`);

    const response = await exchange(code, verifier);
    assert.equal(response.status, 200);
    token = await response.json();
    assert.equal(token.token_type, 'Bearer');
    assert.equal(typeof token.refresh_token, 'string');
    assert.deepEqual(token.scope.split(' ').sort(), [...scopes].sort());

    const user = SpotifyApi.withAccessToken(demo.clientId, token, config);
    const track = await user.tracks.get(catalog.tracks[0].id, 'from_token');
    assert.equal(track.id, catalog.tracks[0].id);
    assert.equal(track.is_playable, true);
    // currentUser.profile() and the other user calls join here once the server has them.
  });

  test('a wrong code_verifier is refused', async () => {
    const verifier = base64url(randomBytes(64));
    const back = await authorize(base64url(createHash('sha256').update(verifier).digest()));
    const response = await exchange(back.searchParams.get('code'), base64url(randomBytes(64)));
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error, 'invalid_grant');
  });

  test('an expired token is refreshed by the SDK with client_id and the refresh token', async () => {
    assert.ok(token, 'the code exchange ran');
    const user = SpotifyApi.withAccessToken(demo.clientId, { ...token, expires: Date.now() - 1000 }, config);
    const album = await user.albums.get(catalog.album.id, 'from_token');
    assert.equal(album.id, catalog.album.id);
    const refreshed = await user.getAccessToken();
    assert.notEqual(refreshed.access_token, token.access_token);
    assert.ok(refreshed.expires > Date.now());
    // A public client's refresh token rotates.
    assert.equal(typeof refreshed.refresh_token, 'string');
    assert.notEqual(refreshed.refresh_token, token.refresh_token);
  });

  test('a user who agreed before is sent back with a code at once', async () => {
    const back = await authorize(base64url(createHash('sha256').update('x'.repeat(43)).digest()));
    assert.ok(back.searchParams.get('code'));
  });

  test('with show_dialog, cancelling on the consent page sends the browser back with access_denied', async () => {
    const back = await authorize(base64url(createHash('sha256').update('x'.repeat(43)).digest()), 'cancel', true);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'pkce-state');
  });
});

describe('player', () => {
  let user;
  let listener;
  let tracks;

  before(async () => {
    user = await createListener(server.baseUrl, 'ts-sdk-listener');
    listener = SpotifyApi.withAccessToken(demo.clientId, user.token, config);
    tracks = catalog.album.tracks.items;
  });

  test('player.getAvailableDevices lists the device, and getPlaybackState is null before anything plays', async () => {
    const { devices } = await listener.player.getAvailableDevices();
    assert.deepEqual(devices.map(d => [d.id, d.is_active]), [[user.deviceId, false]]);
    assert.equal(await listener.player.getPlaybackState(), null);
  });

  test('player.transferPlayback and startResumePlayback start an album on the device', async () => {
    await listener.player.transferPlayback([user.deviceId]);
    await listener.player.startResumePlayback(user.deviceId, catalog.album.uri, undefined, { position: 2 });
    const state = await listener.player.getPlaybackState();
    assert.equal(state.item.id, tracks[2].id);
    assert.equal(state.is_playing, true);
    const playing = await listener.player.getCurrentlyPlayingTrack();
    assert.equal(playing.item.id, tracks[2].id);
  });

  test('player.getUsersQueue shows the queued track, then the album', async () => {
    await listener.player.addItemToPlaybackQueue(catalog.tracks[0].uri);
    const queue = await listener.player.getUsersQueue();
    assert.equal(queue.currently_playing.id, tracks[2].id);
    assert.deepEqual(ids(queue.queue.slice(0, 2)), [catalog.tracks[0].id, tracks[3].id]);
  });

  test('pause, skip, seek, repeat, shuffle and volume', async () => {
    await listener.player.pausePlayback(user.deviceId);
    assert.equal((await listener.player.getPlaybackState()).is_playing, false);
    await listener.player.skipToNext(user.deviceId);
    assert.equal((await listener.player.getPlaybackState()).item.id, catalog.tracks[0].id);
    await listener.player.skipToPrevious(user.deviceId);
    assert.equal((await listener.player.getPlaybackState()).item.id, tracks[2].id);
    await listener.player.seekToPosition(30_000, user.deviceId);
    await listener.player.setRepeatMode('track', user.deviceId);
    await listener.player.togglePlaybackShuffle(true, user.deviceId);
    await listener.player.setPlaybackVolume(80, user.deviceId);
    const state = await listener.player.getPlaybackState();
    assert.equal(state.progress_ms, 30_000);
    assert.equal(state.repeat_state, 'track');
    assert.equal(state.shuffle_state, true);
    assert.equal(state.device.volume_percent, 80);
  });

  test('time runs on the sandbox clock: with repeat track the same track plays again and enters the history', async () => {
    await listener.player.startResumePlayback(user.deviceId);
    await advance(server.baseUrl, user.userId, (tracks[2].duration_ms - 30_000) / 1000 + 5);
    const state = await listener.player.getPlaybackState();
    assert.equal(state.item.id, tracks[2].id);
    assert.ok(state.progress_ms >= 5_000 && state.progress_ms < 10_000);
    const recent = await listener.player.getRecentlyPlayedTracks(5);
    assert.equal(recent.items[0].track.id, tracks[2].id);
  });

  test('currentUser.topItems gives tracks and artists', async () => {
    const top = await listener.currentUser.topItems('tracks', 'short_term', 5);
    assert.equal(top.items[0].id, tracks[2].id);
    const artists = await listener.currentUser.topItems('artists');
    assert.equal(artists.items[0].id, tracks[2].artists[0].id);
  });

  test('a player error reaches the caller with its status', async () => {
    const error = await failure(() => listener.player.setPlaybackVolume(101, user.deviceId));
    assert.match(error.message, /^Unrecognised response code: 400/);
  });
});

describe('search, audio features and recommendations', () => {
  before(() => {
    sdk ??= SpotifyApi.withClientCredentials(demo.clientId, demo.clientSecret, [], config);
  });

  test('search finds an artist by its exact name first', async () => {
    const { artists } = await sdk.search(catalog.artist.name, ['artist'], 'US', 5);
    assert.equal(artists.items[0].id, catalog.artist.id);
    assert.ok(artists.total >= 1);
    assert.equal(artists.limit, 5);
  });

  test('search with field filters and several types gives a page per type', async () => {
    const track = catalog.tracks[0];
    const result = await sdk.search(`track:"${track.name}" artist:"${catalog.artist.name}"`, ['track', 'album'], 'US', 10);
    assert.ok(ids(result.tracks.items).includes(track.id), `${track.name} among ${result.tracks.items.map(t => t.name)}`);
    assert.ok(result.albums.total >= 0);
    assert.equal(result.artists, undefined);
  });

  test('tracks.audioFeatures of one and of several tracks', async () => {
    const one = await sdk.tracks.audioFeatures(catalog.tracks[0].id);
    assert.equal(one.id, catalog.tracks[0].id);
    assert.ok(one.tempo > 0 && one.energy >= 0 && one.energy <= 1 && one.key >= -1 && one.key <= 11);
    const several = await sdk.tracks.audioFeatures(ids(catalog.tracks));
    assert.deepEqual(ids(several), ids(catalog.tracks));
    assert.deepEqual(several[0], one);
  });

  test('tracks.audioAnalysis agrees with the track\'s features', async () => {
    const track = catalog.tracks[0];
    const [analysis, features] = await Promise.all([sdk.tracks.audioAnalysis(track.id), sdk.tracks.audioFeatures(track.id)]);
    assert.ok(Math.abs(analysis.track.duration * 1000 - track.duration_ms) < 1000);
    assert.equal(analysis.track.time_signature, features.time_signature);
    assert.ok(analysis.beats.length > 0 && analysis.bars.length > 0 && analysis.segments.length > 0);
    assert.ok(analysis.beats.every(b => b.start >= 0 && b.start + b.duration <= analysis.track.duration + 0.001));
  });

  test('recommendations.get honours its seed and a min_ attribute', async () => {
    const result = await sdk.recommendations.get({ seed_artists: [catalog.artist.id], limit: 10, min_energy: 0.3, market: 'US' });
    assert.equal(result.seeds[0].id, catalog.artist.id);
    assert.ok(result.tracks.length > 0 && result.tracks.length <= 10);
    const features = await sdk.tracks.audioFeatures(ids(result.tracks));
    assert.ok(features.every(f => f.energy >= 0.3), features.map(f => f.energy).join(','));
  });

  test('a search without a query gives the SDK\'s 400 error', async () => {
    const error = await failure(() => sdk.search('', ['track']));
    assert.match(error.message, /400/);
  });
});
