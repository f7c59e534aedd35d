// @spotify/web-api-ts-sdk, unmodified, against a Jukebox server: its Web API requests go through the
// documented `fetch` option; its token requests (client credentials, refresh) call the global fetch,
// which the suite routes to the server the same way.
import { SpotifyApi } from '@spotify/web-api-ts-sdk';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Browser, demo } from '../lib/accounts.js';
import { failure, ids } from '../lib/calls.js';
import { malformedId, unknownId } from '../lib/catalog.js';
import { jukeboxFetch, routeGlobalFetch, toJukebox } from '../lib/redirect.js';
import { advance, createListener } from '../lib/player.js';
import { startRoutedJukebox } from '../lib/suite.js';
import { newUser, userToken } from '../lib/users.js';

let suite;
let server;
let catalog;
let config;
let sdk;

before(async () => {
  suite = await startRoutedJukebox(routeGlobalFetch);
  ({ server, catalog } = suite);
  config = { fetch: jukeboxFetch(server.baseUrl) };
});

after(() => suite?.stop());

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
