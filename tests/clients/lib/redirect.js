// Sends the libraries' requests for Spotify's hosts to a Jukebox server, without changing the
// libraries: only the origin of each URL changes, never its path, query, headers or body.
import { createRequire } from 'node:module';

const spotifyOrigins = ['https://api.spotify.com', 'https://accounts.spotify.com'];

/** The same URL on the Jukebox server at baseUrl when it is on one of Spotify's hosts. */
export function toJukebox(url, baseUrl) {
  const text = String(url);
  for (const origin of spotifyOrigins) {
    if (text === origin || text.startsWith(origin + '/') || text.startsWith(origin + '?')) {
      return baseUrl + text.slice(origin.length);
    }
  }
  return text;
}

/**
 * A fetch that sends requests for Spotify's hosts to baseUrl, for the ts-sdk's documented `fetch`
 * option. Its token requests (ClientCredentialsStrategy, the PKCE code exchange and the refresh in
 * AccessTokenHelpers) call the global fetch, so routeGlobalFetch installs the same rewrite there.
 */
export function jukeboxFetch(baseUrl, inner = globalThis.fetch) {
  return (input, init) => {
    if (input instanceof Request) {
      return inner(new Request(toJukebox(input.url, baseUrl), input), init);
    }
    return inner(toJukebox(input, baseUrl), init);
  };
}

/** Routes the process's global fetch to baseUrl; returns a function that restores it. */
export function routeGlobalFetch(baseUrl) {
  const original = globalThis.fetch;
  globalThis.fetch = jukeboxFetch(baseUrl, original);
  return () => { globalThis.fetch = original; };
}

/**
 * spotify-web-api-node builds every URI from fixed hosts (api.spotify.com, accounts.spotify.com,
 * port 443, https) with no setter; all its requests go through HttpManager._makeRequest(method,
 * options, uri, callback), which get/post/put/del look up on the shared module object at call time.
 * Wrapping that function at run time routes them all. Returns a function that restores it.
 */
export function routeSpotifyWebApiNode(baseUrl) {
  const require = createRequire(import.meta.url);
  const httpManager = require('spotify-web-api-node/src/http-manager');
  const original = httpManager._makeRequest;
  httpManager._makeRequest = function (method, options, uri, callback) {
    return original.call(this, method, options, toJukebox(uri, baseUrl), callback);
  };
  return () => { httpManager._makeRequest = original; };
}
