// @spotify/web-api-ts-sdk's playlist calls, unmodified, against a Jukebox server, as a signed-in user.
import { SpotifyApi } from '@spotify/web-api-ts-sdk';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demo } from '../lib/accounts.js';
import { jukeboxFetch, routeGlobalFetch } from '../lib/redirect.js';
import { startRoutedJukebox } from '../lib/suite.js';
import { jpegBase64, sandboxUser } from '../lib/playlist-users.js';

let suite;
let server;
let uris;
let albumId;
let owner;
let sdk;
let otherUser;
let other;

before(async () => {
  suite = await startRoutedJukebox(routeGlobalFetch);
  server = suite.server;
  const catalog = suite.catalog;
  uris = catalog.albums.flatMap(album => album.tracks.items.slice(0, 2).map(track => track.uri));
  albumId = catalog.albums[0].id;
  const config = { fetch: jukeboxFetch(server.baseUrl) };
  owner = await sandboxUser(server.baseUrl);
  otherUser = await sandboxUser(server.baseUrl);
  sdk = SpotifyApi.withAccessToken(demo.clientId, owner.token, config);
  other = SpotifyApi.withAccessToken(demo.clientId, otherUser.token, config);
});

after(() => suite?.stop());

const trackUris = page => page.items.map(item => item.track.uri);

describe('playlists', () => {
  let playlist;

  test('playlists.createPlaylist', async () => {
    playlist = await sdk.playlists.createPlaylist(owner.id, { name: 'SDK mix', public: false, description: 'from the ts-sdk' });
    assert.equal(playlist.name, 'SDK mix');
    assert.equal(playlist.public, false);
    assert.equal(playlist.owner.id, owner.id);
  });

  test('playlists.addItemsToPlaylist and getPlaylistItems', async () => {
    await sdk.playlists.addItemsToPlaylist(playlist.id, uris.slice(0, 3));
    await sdk.playlists.addItemsToPlaylist(playlist.id, [uris[3]], 0);
    const page = await sdk.playlists.getPlaylistItems(playlist.id, 'US', undefined, 10, 0);
    assert.equal(page.total, 4);
    assert.deepEqual(trackUris(page), [uris[3], uris[0], uris[1], uris[2]]);
  });

  test('playlists.getPlaylist with fields', async () => {
    const full = await sdk.playlists.getPlaylist(playlist.id, 'US');
    assert.equal(full.tracks.total, 4);
    const filtered = await sdk.playlists.getPlaylist(playlist.id, undefined, 'name,snapshot_id');
    assert.deepEqual(Object.keys(filtered).sort(), ['name', 'snapshot_id']);
  });

  test('playlists.movePlaylistItems and updatePlaylistItems', async () => {
    const moved = await sdk.playlists.movePlaylistItems(playlist.id, 0, 1, 4);
    assert.ok(moved.snapshot_id);
    assert.deepEqual(trackUris(await sdk.playlists.getPlaylistItems(playlist.id)), [uris[0], uris[1], uris[2], uris[3]]);
    await sdk.playlists.updatePlaylistItems(playlist.id, { uris: [uris[4], uris[5]] });
    assert.deepEqual(trackUris(await sdk.playlists.getPlaylistItems(playlist.id)), [uris[4], uris[5]]);
  });

  test('playlists.removeItemsFromPlaylist', async () => {
    await sdk.playlists.removeItemsFromPlaylist(playlist.id, { tracks: [{ uri: uris[4] }] });
    assert.deepEqual(trackUris(await sdk.playlists.getPlaylistItems(playlist.id)), [uris[5]]);
  });

  test('playlists.changePlaylistDetails', async () => {
    await sdk.playlists.changePlaylistDetails(playlist.id, { name: 'SDK mix, renamed', public: true });
    const body = await sdk.playlists.getPlaylist(playlist.id);
    assert.equal(body.name, 'SDK mix, renamed');
    assert.equal(body.public, true);
  });

  test('playlists cover images: getPlaylistCoverImage and addCustomPlaylistCoverImageFromBase64String', async () => {
    assert.equal((await sdk.playlists.getPlaylistCoverImage(playlist.id)).length, 1);
    await sdk.playlists.addCustomPlaylistCoverImageFromBase64String(playlist.id, await jpegBase64(server.baseUrl, albumId));
    const images = await sdk.playlists.getPlaylistCoverImage(playlist.id);
    assert.deepEqual(images.map(image => image.height), [640, 300, 60]);
  });

  test('playlists.getUsersPlaylists and currentUser.playlists.playlists', async () => {
    const mine = await sdk.currentUser.playlists.playlists(10, 0);
    assert.deepEqual(mine.items.map(p => p.id), [playlist.id]);
    const theirs = await other.playlists.getUsersPlaylists(owner.id);
    assert.deepEqual(theirs.items.map(p => p.id), [playlist.id]);
  });

  test('currentUser.playlists.follow, isFollowing and unfollow', async () => {
    await other.currentUser.playlists.follow(playlist.id);
    assert.deepEqual(await other.currentUser.playlists.isFollowing(playlist.id, [otherUser.id]), [true]);
    assert.equal((await sdk.playlists.getPlaylist(playlist.id)).followers.total, 1);
    await other.currentUser.playlists.unfollow(playlist.id);
    assert.deepEqual(await other.currentUser.playlists.isFollowing(playlist.id, [otherUser.id]), [false]);
  });

  test('a change by someone who is not a collaborator is rejected with 403', async () => {
    await assert.rejects(other.playlists.addItemsToPlaylist(playlist.id, [uris[0]]), /403/);
  });
});
