// spotify-web-api-node, unmodified, against a Jukebox server: its requests for api.spotify.com and
// accounts.spotify.com are routed to the server by wrapping its HTTP layer at run time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SpotifyWebApi from 'spotify-web-api-node';
import { Browser, demo } from '../lib/accounts.js';
import { failure, ids } from '../lib/calls.js';
import { malformedId, unknownId } from '../lib/catalog.js';
import { routeSpotifyWebApiNode, toJukebox } from '../lib/redirect.js';
import { advance, createListener } from '../lib/player.js';
import { startRoutedJukebox } from '../lib/suite.js';
import { newUser, userToken } from '../lib/users.js';

let suite;
let server;
let catalog;
/** Holds a client-credentials token once the first test has obtained one. */
const api = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret });

before(async () => {
  suite = await startRoutedJukebox(routeSpotifyWebApiNode);
  ({ server, catalog } = suite);
});

after(() => suite?.stop());

describe('client credentials', () => {
  test('clientCredentialsGrant gives a bearer token', async () => {
    const { body, statusCode } = await api.clientCredentialsGrant();
    assert.equal(statusCode, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(typeof body.access_token, 'string');
    assert.ok(body.expires_in > 3000 && body.expires_in <= 3600, `expires_in ${body.expires_in}`);
    assert.equal(body.refresh_token, undefined);
    api.setAccessToken(body.access_token);
  });

  test('a wrong client secret gives the library its authentication error', async () => {
    const wrong = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: 'ffffffffffffffffffffffffffffffff' });
    const error = await failure(() => wrong.clientCredentialsGrant());
    assert.equal(error.name, 'WebapiAuthenticationError');
    assert.equal(error.statusCode, 400);
    assert.equal(error.body.error, 'invalid_client');
  });
});

describe('library and follows', () => {
  const user = new SpotifyWebApi();
  let userId;
  let artistIds;

  before(async () => {
    userId = await newUser(server.baseUrl);
    user.setAccessToken((await userToken(server.baseUrl, userId)).access_token);
    artistIds = [...new Set([catalog.artist.id, ...ids(catalog.artists), ...ids(catalog.related.artists)])].slice(0, 3).sort();
  });

  test('addToMySavedTracks, containsMySavedTracks, getMySavedTracks and removeFromMySavedTracks', async () => {
    const [first, second, third] = ids(catalog.tracks);
    const saved = await user.addToMySavedTracks([first, second]);
    assert.equal(saved.statusCode, 200);
    assert.deepEqual((await user.containsMySavedTracks([first, second, third])).body, [true, true, false]);
    const { body } = await user.getMySavedTracks({ limit: 1, market: 'US' });
    assert.equal(body.total, 2);
    assert.equal(body.limit, 1);
    assert.equal(body.items[0].track.id, second, 'the later of one request\'s tracks comes first');
    assert.match(body.items[0].added_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(body.next);
    await user.removeFromMySavedTracks([first]);
    assert.deepEqual((await user.containsMySavedTracks([first, second])).body, [false, true]);
  });

  test('addToMySavedAlbums, getMySavedAlbums, containsMySavedAlbums and removeFromMySavedAlbums send bare arrays', async () => {
    const albumIds = ids(catalog.albums);
    assert.equal((await user.addToMySavedAlbums(albumIds)).statusCode, 200);
    const { body } = await user.getMySavedAlbums({ market: 'US' });
    assert.equal(body.total, albumIds.length);
    assert.deepEqual(body.items.map(i => i.album.id), [...albumIds].reverse());
    assert.equal(body.items.at(-1).album.tracks.total, catalog.album.total_tracks);
    await user.removeFromMySavedAlbums([albumIds[0]]);
    assert.deepEqual((await user.containsMySavedAlbums(albumIds)).body, albumIds.map((_, i) => i > 0));
  });

  test('addToMySavedShows, getMySavedShows, containsMySavedShows and removeFromMySavedShows', async () => {
    await user.addToMySavedShows([catalog.show.id, catalog.secondShow.id]);
    const { body } = await user.getMySavedShows();
    assert.deepEqual(body.items.map(i => i.show.id), [catalog.secondShow.id, catalog.show.id]);
    assert.equal(body.items[1].show.name, 'The Vinyl Hour');
    await user.removeFromMySavedShows([catalog.secondShow.id]);
    assert.deepEqual((await user.containsMySavedShows([catalog.show.id, catalog.secondShow.id])).body, [true, false]);
  });

  test('followArtists, isFollowingArtists, getFollowedArtists with its cursor, and unfollowArtists', async () => {
    const before = (await user.getArtist(artistIds[0])).body.followers.total;
    assert.equal((await user.followArtists(artistIds)).statusCode, 204);
    assert.deepEqual((await user.isFollowingArtists([...artistIds, unknownId])).body, [...artistIds.map(() => true), false]);
    assert.equal((await user.getArtist(artistIds[0])).body.followers.total, before + 1);

    const first = (await user.getFollowedArtists({ limit: 1 })).body.artists;
    assert.equal(first.total, artistIds.length);
    assert.deepEqual(ids(first.items), [artistIds[0]]);
    assert.equal(first.cursors.after, artistIds[0]);
    const rest = (await user.getFollowedArtists({ after: first.cursors.after, limit: 50 })).body.artists;
    assert.deepEqual(ids(rest.items), artistIds.slice(1));
    assert.equal(rest.next, null);
    assert.equal(rest.cursors.after, null);

    await user.unfollowArtists([artistIds[0]]);
    assert.deepEqual((await user.isFollowingArtists(artistIds)).body, artistIds.map((_, i) => i > 0));
    assert.equal((await user.getArtist(artistIds[0])).body.followers.total, before);
  });

  test('followUsers, isFollowingUsers and unfollowUsers move the user\'s followers', async () => {
    const friend = await newUser(server.baseUrl);
    await user.followUsers([friend]);
    assert.deepEqual((await user.isFollowingUsers([friend, userId])).body, [true, false]);
    assert.equal((await user.getUser(friend)).body.followers.total, 1);
    await user.unfollowUsers([friend]);
    assert.equal((await user.getUser(friend)).body.followers.total, 0);
  });

  test('getMe counts the user\'s followers', async () => {
    const follower = new SpotifyWebApi({ accessToken: (await userToken(server.baseUrl, await newUser(server.baseUrl))).access_token });
    await follower.followUsers([userId]);
    const { body } = await user.getMe();
    assert.equal(body.id, userId);
    assert.equal(body.followers.total, 1);
  });

  test('saving an unknown track gives the library\'s 404 error, and too many ids a 400', async () => {
    const unknown = await failure(() => user.addToMySavedTracks([unknownId]));
    assert.equal(unknown.name, 'WebapiRegularError');
    assert.equal(unknown.statusCode, 404);
    const tooMany = await failure(() => user.containsMySavedAlbums(Array.from({ length: 21 }, () => catalog.album.id)));
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.body.error.message, 'Too many ids requested');
  });

  test('a token without the library scopes gives 403', async () => {
    const narrow = new SpotifyWebApi({ accessToken: (await userToken(server.baseUrl, userId, ['user-read-private'])).access_token });
    const error = await failure(() => narrow.getMySavedTracks());
    assert.equal(error.statusCode, 403);
    assert.equal(error.body.error.message, 'Insufficient client scope');
  });
});

describe('errors', () => {
  before(async () => {
    if (!api.getAccessToken()) api.setAccessToken((await api.clientCredentialsGrant()).body.access_token);
  });

  for (const [name, call] of [
    ['getAlbum', () => api.getAlbum(unknownId)],
    ['getArtist', () => api.getArtist(unknownId)],
    ['getTrack', () => api.getTrack(unknownId)],
    ['getShow', () => api.getShow(unknownId, { market: 'US' })],
    ['getCategory', () => api.getCategory('no-such-category')],
  ]) {
    test(`${name} of an unknown id gives the library's 404 error`, async () => {
      const error = await failure(call);
      assert.equal(error.name, 'WebapiRegularError');
      assert.equal(error.statusCode, 404);
      assert.equal(error.body.error.status, 404);
      assert.match(error.message, /^An error occurred while communicating with Spotify's Web API\.\nDetails: .+\.$/);
    });
  }

  for (const [name, call] of [
    ['getAlbum', () => api.getAlbum(malformedId)],
    ['getArtistRelatedArtists', () => api.getArtistRelatedArtists(malformedId)],
    ['getTracks', () => api.getTracks([catalog.tracks[0].id, malformedId])],
  ]) {
    test(`${name} of a malformed id gives the library's 400 error`, async () => {
      const error = await failure(call);
      assert.equal(error.name, 'WebapiRegularError');
      assert.equal(error.statusCode, 400);
      assert.equal(error.body.error.status, 400);
      assert.equal(error.body.error.message, 'Invalid base62 id');
    });
  }

  test('a call without a token gives 401', async () => {
    const anonymous = new SpotifyWebApi();
    const error = await failure(() => anonymous.getAlbum(catalog.album.id));
    assert.equal(error.name, 'WebapiRegularError');
    assert.equal(error.statusCode, 401);
    assert.equal(error.body.error.message, 'No token provided');
  });

  test('a call with a token the server never issued gives 401', async () => {
    const forged = new SpotifyWebApi({ accessToken: 'not-a-token' });
    const error = await failure(() => forged.getAlbum(catalog.album.id));
    assert.equal(error.statusCode, 401);
    assert.equal(error.body.error.message, 'Invalid access token');
  });
});

describe('authorization code flow', () => {
  const scopes = ['user-read-private', 'user-read-email'];
  const user = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret, redirectUri: demo.redirectUri });
  let code;

  test('createAuthorizeURL, then logging in and agreeing, sends the browser back with a code', async () => {
    const url = user.createAuthorizeURL(scopes, 'state-1234', true);
    assert.ok(url.startsWith('https://accounts.spotify.com/authorize?'));
    const back = await new Browser(server.baseUrl).authorize(toJukebox(url, server.baseUrl));
    assert.equal(`${back.origin}${back.pathname}`, demo.redirectUri);
    assert.equal(back.searchParams.get('state'), 'state-1234');
    assert.equal(back.searchParams.get('error'), null);
    code = back.searchParams.get('code');
    assert.ok(code);
  });

  test('authorizationCodeGrant exchanges the code for tokens', async () => {
    const { body, statusCode } = await user.authorizationCodeGrant(code);
    assert.equal(statusCode, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.ok(body.expires_in > 3000 && body.expires_in <= 3600);
    assert.equal(typeof body.access_token, 'string');
    assert.equal(typeof body.refresh_token, 'string');
    assert.deepEqual(body.scope.split(' ').sort(), [...scopes].sort());
    user.setAccessToken(body.access_token);
    user.setRefreshToken(body.refresh_token);
  });

  test('the user token reads the catalog in the user\'s country', async () => {
    const track = catalog.tracks[0];
    const { body } = await user.getTrack(track.id, { market: 'from_token' });
    assert.equal(body.id, track.id);
    assert.equal(body.is_playable, true);
    // getMe and the other user calls join here once the server has them.
  });

  test('refreshAccessToken gives a new access token, and the refresh token stays valid', async () => {
    const before = user.getAccessToken();
    const first = await user.refreshAccessToken();
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.token_type, 'Bearer');
    assert.notEqual(first.body.access_token, before);
    assert.deepEqual(first.body.scope.split(' ').sort(), [...scopes].sort());
    if (first.body.refresh_token) user.setRefreshToken(first.body.refresh_token);
    const second = await user.refreshAccessToken();
    assert.equal(second.statusCode, 200);
    user.setAccessToken(second.body.access_token);
    const { body } = await user.getAlbum(catalog.album.id);
    assert.equal(body.id, catalog.album.id);
  });

  test('refreshAccessToken with a refresh token the server never issued gives invalid_grant', async () => {
    const stranger = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret, refreshToken: 'not-a-refresh-token' });
    const error = await failure(() => stranger.refreshAccessToken());
    assert.equal(error.name, 'WebapiAuthenticationError');
    assert.equal(error.statusCode, 400);
    assert.equal(error.body.error, 'invalid_grant');
  });

  test('the code cannot be exchanged a second time', async () => {
    const error = await failure(() => user.authorizationCodeGrant(code));
    assert.equal(error.name, 'WebapiAuthenticationError');
    assert.equal(error.statusCode, 400);
    assert.equal(error.body.error, 'invalid_grant');
  });

  test('cancelling on the consent page sends the browser back with access_denied', async () => {
    const url = user.createAuthorizeURL(scopes, 'state-5678', true);
    const back = await new Browser(server.baseUrl).authorize(toJukebox(url, server.baseUrl), { decision: 'cancel' });
    assert.equal(`${back.origin}${back.pathname}`, demo.redirectUri);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'state-5678');
    assert.equal(back.searchParams.get('code'), null);
  });
});

describe('player', () => {
  const listener = new SpotifyWebApi();
  let user;
  let tracks;

  before(async () => {
    user = await createListener(server.baseUrl, 'web-api-node-listener');
    listener.setAccessToken(user.token.access_token);
    tracks = catalog.album.tracks.items;
  });

  const current = async () => (await listener.getMyCurrentPlaybackState()).body;

  test('getMyDevices lists the user\'s device, inactive, and getMyCurrentPlaybackState has nothing yet', async () => {
    const { body } = await listener.getMyDevices();
    assert.deepEqual(body.devices.map(d => [d.id, d.name, d.type, d.is_active]), [[user.deviceId, 'Desk', 'Computer', false]]);
    const state = await listener.getMyCurrentPlaybackState();
    assert.equal(state.statusCode, 204);
  });

  test('transferMyPlayback makes the device active', async () => {
    const { statusCode } = await listener.transferMyPlayback([user.deviceId]);
    assert.equal(statusCode, 204);
    const { body } = await listener.getMyDevices();
    assert.equal(body.devices[0].is_active, true);
  });

  test('play starts an album at an offset, and getMyCurrentPlayingTrack shows it', async () => {
    const { statusCode } = await listener.play({ context_uri: catalog.album.uri, offset: { position: 1 } });
    assert.equal(statusCode, 204);
    const state = await current();
    assert.equal(state.item.id, tracks[1].id);
    assert.equal(state.context.uri, catalog.album.uri);
    assert.equal(state.is_playing, true);
    assert.equal(state.device.id, user.deviceId);
    const playing = (await listener.getMyCurrentPlayingTrack()).body;
    assert.equal(playing.item.id, tracks[1].id);
  });

  test('pause, then play without options resumes', async () => {
    await listener.pause();
    assert.equal((await current()).is_playing, false);
    await listener.play();
    assert.equal((await current()).is_playing, true);
  });

  test('skipToNext and skipToPrevious move through the album', async () => {
    await listener.skipToNext();
    assert.equal((await current()).item.id, tracks[2].id);
    await listener.skipToPrevious();
    assert.equal((await current()).item.id, tracks[1].id);
  });

  test('seek, setRepeat, setShuffle and setVolume show in the playback state', async () => {
    await listener.seek(20_000);
    await listener.setRepeat('context');
    await listener.setShuffle(true);
    await listener.setVolume(35);
    const state = await current();
    assert.ok(state.progress_ms >= 20_000 && state.progress_ms < 25_000);
    assert.equal(state.repeat_state, 'context');
    assert.equal(state.shuffle_state, true);
    assert.equal(state.device.volume_percent, 35);
    await listener.setShuffle(false);
    await listener.setRepeat('off');
  });

  test('addToQueue plays the queued track after the current one', async () => {
    const queued = catalog.tracks[0];
    await listener.addToQueue(queued.uri);
    await advance(server.baseUrl, user.userId, tracks[1].duration_ms / 1000);
    assert.equal((await current()).item.id, queued.id);
  });

  test('getMyRecentlyPlayedTracks lists what played 30 seconds or more, newest first, with cursors', async () => {
    const { body } = await listener.getMyRecentlyPlayedTracks({ limit: 10 });
    assert.equal(body.items[0].track.id, tracks[1].id);
    assert.equal(body.items[0].context.uri, catalog.album.uri);
    assert.equal(body.cursors.after, String(Date.parse(body.items[0].played_at)));
    const older = await listener.getMyRecentlyPlayedTracks({ limit: 10, before: body.cursors.before });
    assert.equal(older.body.items.length, 0);
  });

  test('getMyTopTracks and getMyTopArtists come from the history', async () => {
    const top = (await listener.getMyTopTracks({ time_range: 'short_term', limit: 5 })).body;
    assert.equal(top.items[0].id, tracks[1].id);
    const artists = (await listener.getMyTopArtists({ time_range: 'long_term' })).body;
    assert.ok(artists.items.some(a => a.id === tracks[1].artists[0].id));
  });

  test('pausing twice gives the library\'s error with Spotify\'s reason', async () => {
    await listener.pause();
    const error = await failure(() => listener.pause());
    assert.equal(error.statusCode, 403);
    assert.equal(error.body.error.reason, 'ALREADY_PAUSED');
  });
});
