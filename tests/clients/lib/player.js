// A listener for the player suites: a sandbox user with a token for the player's scopes, a device,
// and the user's playback clock, moved through the sandbox API so a suite need not wait for a track
// to end.
import { demo } from './accounts.js';

const adminHeaders = () => process.env.JUKEBOX_SANDBOX__ADMINKEY ? { 'x-jukebox-admin-key': process.env.JUKEBOX_SANDBOX__ADMINKEY } : {};

export const playerScopes = [
  'user-read-playback-state', 'user-modify-playback-state', 'user-read-currently-playing',
  'user-read-recently-played', 'user-top-read', 'user-read-playback-position',
];

async function sandbox(baseUrl, path, body) {
  const response = await fetch(`${baseUrl}/sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adminHeaders() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /sandbox${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Creates a user with a device named "Desk" and returns { userId, deviceId, token }. */
export async function createListener(baseUrl, userId) {
  await sandbox(baseUrl, '/users', { id: userId, password: `${userId}-pass`, country: 'US', product: 'premium' });
  const device = await sandbox(baseUrl, `/users/${userId}/devices`, { name: 'Desk', type: 'Computer' });
  const response = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
      ...adminHeaders(),
    },
    body: new URLSearchParams({
      grant_type: 'urn:jukebox:params:oauth:grant-type:sandbox-user', user_id: userId, scope: playerScopes.join(' '),
    }),
  });
  if (!response.ok) throw new Error(`sandbox token: ${response.status} ${await response.text()}`);
  const token = await response.json();
  return { userId, deviceId: device.id, token };
}

/** Moves the user's playback clock forward. */
export function advance(baseUrl, userId, seconds) {
  return sandbox(baseUrl, `/users/${userId}/player/advance`, { seconds });
}
