// Users of their own for the playlist suites: created through the sandbox API (JUKEBOX_SANDBOX__ADMINKEY
// is sent as the admin key when set), with a token for the scopes a test needs from the sandbox grant
// (the flows themselves are covered elsewhere).
import { randomBytes } from 'node:crypto';
import { demo } from './accounts.js';

export const playlistScopes = [
  'playlist-read-private', 'playlist-read-collaborative', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload',
];

const adminHeaders = () => process.env.JUKEBOX_SANDBOX__ADMINKEY ? { 'x-jukebox-admin-key': process.env.JUKEBOX_SANDBOX__ADMINKEY } : {};

export async function sandboxUser(baseUrl, scopes = playlistScopes) {
  const id = `c${randomBytes(8).toString('hex')}`;
  const created = await fetch(`${baseUrl}/sandbox/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adminHeaders() },
    body: JSON.stringify({ id, password: `password-${id}`, email: `${id}@example.test`, country: 'US', product: 'premium' }),
  });
  if (!created.ok) throw new Error(`creating the sandbox user failed: ${created.status} ${await created.text()}`);
  const token = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64')}`, ...adminHeaders() },
    body: new URLSearchParams({ grant_type: 'urn:jukebox:params:oauth:grant-type:sandbox-user', user_id: id, scope: scopes.join(' ') }),
  });
  if (!token.ok) throw new Error(`the sandbox grant failed: ${token.status} ${await token.text()}`);
  const body = await token.json();
  return { id, accessToken: body.access_token, token: body };
}

/** A real JPEG, base64-encoded as the cover upload takes it: an album cover the server serves. */
export async function jpegBase64(baseUrl, albumId) {
  const response = await fetch(`${baseUrl}/images/album/${albumId}/300`);
  if (!response.ok) throw new Error(`fetching a cover failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer()).toString('base64');
}
