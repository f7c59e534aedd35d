// spotify-web-api-node's playlist calls, unmodified, against a Jukebox server, as a signed-in user.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SpotifyWebApi from 'spotify-web-api-node';
import { demo } from '../lib/accounts.js';
import { routeSpotifyWebApiNode } from '../lib/redirect.js';
import { startRoutedJukebox } from '../lib/suite.js';
import { jpegBase64, sandboxUser } from '../lib/playlist-users.js';

let suite;
let server;
let uris;
let albumId;
let owner;
let follower;
const api = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret });
const other = new SpotifyWebApi({ clientId: demo.clientId, clientSecret: demo.clientSecret });

before(async () => {
  suite = await startRoutedJukebox(routeSpotifyWebApiNode);
  server = suite.server;
  const catalog = suite.catalog;
  uris = catalog.albums.flatMap(album => album.tracks.items.slice(0, 2).map(track => track.uri));
  albumId = catalog.albums[0].id;
  owner = await sandboxUser(server.baseUrl);
  follower = await sandboxUser(server.baseUrl);
  api.setAccessToken(owner.accessToken);
  other.setAccessToken(follower.accessToken);
});

after(() => suite?.stop());

const trackUris = body => body.items.map(item => item.track.uri);

describe('playlists', () => {
  let playlist;

  test('createPlaylist makes a public, non-collaborative playlist of the user', async () => {
    const { body, statusCode } = await api.createPlaylist('Client mix', { description: 'made by spotify-web-api-node' });
    assert.equal(statusCode, 201);
    assert.equal(body.name, 'Client mix');
    assert.equal(body.public, true);
    assert.equal(body.collaborative, false);
    assert.equal(body.owner.id, owner.id);
    assert.equal(body.tracks.total, 0);
    playlist = body;
  });

  test('addTracksToPlaylist appends, and with a position inserts there', async () => {
    const first = await api.addTracksToPlaylist(playlist.id, uris.slice(0, 4));
    assert.equal(first.statusCode, 201);
    assert.notEqual(first.body.snapshot_id, playlist.snapshot_id);
    const second = await api.addTracksToPlaylist(playlist.id, [uris[4]], { position: 1 });
    assert.equal(second.statusCode, 201);
    const { body } = await api.getPlaylistTracks(playlist.id, { limit: 10 });
    assert.deepEqual(trackUris(body), [uris[0], uris[4], uris[1], uris[2], uris[3]]);
  });

  test('getPlaylist returns the playlist with its items, filtered by fields', async () => {
    const { body } = await api.getPlaylist(playlist.id);
    assert.equal(body.id, playlist.id);
    assert.equal(body.tracks.total, 5);
    assert.deepEqual(body.images.map(image => image.width), [640], 'three albums: the first track\'s album cover');
    const filtered = await api.getPlaylist(playlist.id, { fields: 'name,tracks.items(track(uri))' });
    assert.deepEqual(Object.keys(filtered.body).sort(), ['name', 'tracks']);
    assert.deepEqual(Object.keys(filtered.body.tracks.items[0].track), ['uri']);
  });

  test('getPlaylistTracks pages with offset and limit', async () => {
    const { body } = await api.getPlaylistTracks(playlist.id, { offset: 2, limit: 2 });
    assert.equal(body.total, 5);
    assert.equal(body.offset, 2);
    assert.deepEqual(trackUris(body), [uris[1], uris[2]]);
    assert.ok(body.items.every(item => item.added_by.id === owner.id && item.is_local === false));
  });

  test('reorderTracksInPlaylist moves a range, merged into the latest snapshot', async () => {
    const before = (await api.getPlaylist(playlist.id, { fields: 'snapshot_id' })).body.snapshot_id;
    await api.addTracksToPlaylist(playlist.id, [uris[5]], { position: 0 });
    const { body, statusCode } = await api.reorderTracksInPlaylist(playlist.id, 0, 5, { range_length: 1, snapshot_id: before });
    assert.equal(statusCode, 200);
    assert.ok(body.snapshot_id);
    const { body: page } = await api.getPlaylistTracks(playlist.id);
    assert.deepEqual(trackUris(page), [uris[5], uris[4], uris[1], uris[2], uris[3], uris[0]]);
  });

  test('removeTracksFromPlaylist removes by uri, and by uri and position with a snapshot', async () => {
    await api.removeTracksFromPlaylist(playlist.id, [{ uri: uris[5] }]);
    const snapshot = (await api.getPlaylist(playlist.id, { fields: 'snapshot_id' })).body.snapshot_id;
    const { statusCode } = await api.removeTracksFromPlaylist(playlist.id, [{ uri: uris[1], positions: [1] }], { snapshot_id: snapshot });
    assert.equal(statusCode, 200);
    const { body } = await api.getPlaylistTracks(playlist.id);
    assert.deepEqual(trackUris(body), [uris[4], uris[2], uris[3], uris[0]]);
  });

  test('removeTracksFromPlaylistByPosition removes by index', async () => {
    const snapshot = (await api.getPlaylist(playlist.id, { fields: 'snapshot_id' })).body.snapshot_id;
    const { statusCode } = await api.removeTracksFromPlaylistByPosition(playlist.id, [0, 3], snapshot);
    assert.equal(statusCode, 200);
    const { body } = await api.getPlaylistTracks(playlist.id);
    assert.deepEqual(trackUris(body), [uris[2], uris[3]]);
  });

  test('replaceTracksInPlaylist sets the items', async () => {
    const { statusCode } = await api.replaceTracksInPlaylist(playlist.id, [uris[0]]);
    assert.equal(statusCode, 200);
    const { body } = await api.getPlaylistTracks(playlist.id);
    assert.deepEqual(trackUris(body), [uris[0]]);
    assert.equal((await api.getPlaylist(playlist.id)).body.images.length, 1, 'fewer than four albums: one album cover');
  });

  test('changePlaylistDetails renames it and makes it private', async () => {
    const { statusCode } = await api.changePlaylistDetails(playlist.id, { name: 'Renamed mix', public: false });
    assert.equal(statusCode, 200);
    const { body } = await api.getPlaylist(playlist.id);
    assert.equal(body.name, 'Renamed mix');
    assert.equal(body.public, false);
  });

  test('uploadCustomPlaylistCoverImage replaces the cover', async () => {
    const { statusCode } = await api.uploadCustomPlaylistCoverImage(playlist.id, await jpegBase64(server.baseUrl, albumId));
    assert.equal(statusCode, 202);
    const { body } = await api.getPlaylist(playlist.id);
    assert.deepEqual(body.images.map(image => image.width), [640, 300, 60]);
    assert.match(body.images[0].url, /\/images\/playlist\//);
  });

  test('getUserPlaylists lists the user\'s playlists, and another user sees only public ones', async () => {
    const mine = await api.getUserPlaylists();
    assert.deepEqual(mine.body.items.map(p => p.id), [playlist.id]);
    const byId = await api.getUserPlaylists(owner.id);
    assert.deepEqual(byId.body.items.map(p => p.id), [playlist.id]);
    const seenByOther = await other.getUserPlaylists(owner.id);
    assert.deepEqual(seenByOther.body.items, []);
  });

  test('followPlaylist, areFollowingPlaylist and unfollowPlaylist', async () => {
    await api.changePlaylistDetails(playlist.id, { public: true });
    assert.equal((await other.followPlaylist(playlist.id)).statusCode, 200);
    const following = await other.areFollowingPlaylist(owner.id, playlist.id, [follower.id]);
    assert.deepEqual(following.body, [true]);
    assert.equal((await api.getPlaylist(playlist.id)).body.followers.total, 1);
    assert.equal((await other.unfollowPlaylist(playlist.id)).statusCode, 200);
    assert.deepEqual((await other.areFollowingPlaylist(owner.id, playlist.id, [follower.id])).body, [false]);
  });

  test('an owner who unfollows no longer lists the playlist, and following restores it', async () => {
    await api.unfollowPlaylist(playlist.id);
    assert.deepEqual((await api.getUserPlaylists()).body.items, []);
    await api.followPlaylist(playlist.id);
    assert.deepEqual((await api.getUserPlaylists()).body.items.map(p => p.id), [playlist.id]);
  });

  test('adding to another user\'s playlist gives the library its 403 error', async () => {
    await assert.rejects(other.addTracksToPlaylist(playlist.id, [uris[1]]), error => {
      assert.equal(error.statusCode, 403);
      assert.equal(error.body.error.message, "You cannot add tracks to a playlist you don't own.");
      return true;
    });
  });
});
