// tests/clients/recipes/spotify-web-api-node.cjs
const SpotifyWebApi = require('spotify-web-api-node');
const { builder } = require('spotify-web-api-node/src/base-request');

const jukebox = new URL(process.env.JUKEBOX_BASE_URL ?? 'http://127.0.0.1:8080');

// The library gives every request Spotify's scheme, host and port (https, api.spotify.com or
// accounts.spotify.com, 443) and has no option for others; each request, and the authorize URL, is
// made by base-request's Builder#build, so that is where they become Jukebox's.
const Builder = Object.getPrototypeOf(builder());
const build = Builder.build;
Builder.build = function () {
  this.withScheme(jukebox.protocol.slice(0, -1)).withHost(jukebox.hostname)
    .withPort(Number(jukebox.port) || (jukebox.protocol === 'https:' ? 443 : 80));
  return build.call(this);
};

const spotifyApi = new SpotifyWebApi({
  clientId: '6a756b65626f782d64656d6f2d617070', // the demo app
  clientSecret: '6a756b65626f782d64656d6f2d736563',
  redirectUri: 'http://127.0.0.1:8888/callback', // registered for the demo app
});

async function main() {
  const { body: token } = await spotifyApi.clientCredentialsGrant();
  spotifyApi.setAccessToken(token.access_token);
  const { body } = await spotifyApi.searchAlbums('a', { limit: 2 });
  for (const album of body.albums.items) {
    console.log(`${album.name} by ${album.artists[0].name}`);
  }
  // Where to send a user to sign in (the authorization code flow): Jukebox's /authorize.
  console.log(spotifyApi.createAuthorizeURL(['user-read-private'], 'some-state'));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
