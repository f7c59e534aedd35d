// Users of their own for the library and follow suites, so that each starts with an empty library:
// created through the sandbox API (on by default on a fresh server; JUKEBOX_SANDBOX__ADMINKEY is sent
// as the admin key when set), with user tokens of chosen scopes from the sandbox grant.
import { randomBytes } from 'node:crypto';
import { demo } from './accounts.js';

export const libraryScopes = ['user-library-read', 'user-library-modify', 'user-follow-read', 'user-follow-modify'];

const adminHeaders = () => process.env.JUKEBOX_SANDBOX__ADMINKEY ? { 'x-jukebox-admin-key': process.env.JUKEBOX_SANDBOX__ADMINKEY } : {};

/** Creates a user and returns its id. */
export async function newUser(baseUrl, country = 'US') {
  const id = `client-${randomBytes(6).toString('hex')}`;
  const response = await fetch(`${baseUrl}/sandbox/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...adminHeaders() },
    body: JSON.stringify({ id, password: `${id}-password`, email: `${id}@example.test`, country }),
  });
  if (response.status !== 201) throw new Error(`POST /sandbox/users: ${response.status} ${await response.text()}`);
  return id;
}

/** A token response (access_token, token_type, expires_in, …) for the demo app acting for userId. */
export async function userToken(baseUrl, userId, scopes = libraryScopes) {
  const response = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
      ...adminHeaders(),
    },
    body: new URLSearchParams({ grant_type: 'urn:jukebox:params:oauth:grant-type:sandbox-user', user_id: userId, scope: scopes.join(' ') }),
  });
  if (!response.ok) throw new Error(`sandbox-user token: ${response.status} ${await response.text()}`);
  return response.json();
}
