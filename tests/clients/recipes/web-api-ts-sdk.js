// tests/clients/recipes/web-api-ts-sdk.js
import { SpotifyApi } from '@spotify/web-api-ts-sdk';

const jukebox = process.env.JUKEBOX_BASE_URL ?? 'http://127.0.0.1:8080';

// The SDK calls SpotifyApi.rootUrl (https://api.spotify.com/v1/) through its `fetch` option, whose
// default is the global fetch, and always asks https://accounts.spotify.com/api/token for tokens
// with the global fetch: a global fetch that sends Spotify's two origins to Jukebox covers both.
const fetchFromSpotify = globalThis.fetch;
globalThis.fetch = (url, init) =>
  fetchFromSpotify(String(url).replace(/^https:\/\/(api|accounts)\.spotify\.com(?=\/)/, jukebox), init);

const sdk = SpotifyApi.withClientCredentials(
  '6a756b65626f782d64656d6f2d617070', // the demo app's client id
  '6a756b65626f782d64656d6f2d736563', // and secret
);
const { albums } = await sdk.search('a', ['album'], undefined, 2);
for (const album of albums.items) {
  console.log(`${album.name} by ${album.artists[0].name}`);
}
