// What the server holds, read over plain HTTP with a client-credentials token, so that the suites
// can compare what each library hands back with the server's own answers.
import { createHash } from 'node:crypto';
import { demo } from './accounts.js';

/** Well formed (22 base62 characters) but naming nothing. */
export const unknownId = '0000000000000000000000';
/** Not a base62 id at all. */
export const malformedId = 'not-a-base62-id!';

const base62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The demo catalog's shows, episodes, audiobooks and chapters have fixed ids (22 base62 digits of
 * the first 16 bytes of SHA-256 of a seed such as "jukebox:show:0"); there is no listing for them
 * without search, so the suites name them this way.
 */
export function demoId(seed) {
  let value = BigInt('0x' + createHash('sha256').update(seed).digest('hex').slice(0, 32));
  let id = '';
  for (let i = 0; i < 22; i++) {
    id = base62[Number(value % 62n)] + id;
    value /= 62n;
  }
  return id;
}

export async function clientCredentialsToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) throw new Error(`client_credentials: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Picks the items the suites look up, and the server's own answers for them. */
export async function readCatalog(baseUrl) {
  const token = await clientCredentialsToken(baseUrl);
  const get = async path => {
    const response = await fetch(`${baseUrl}/v1/${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /v1/${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  const releases = (await get('browse/new-releases?country=US&limit=50')).albums;
  const albums = [];
  // Albums available in the US whose tracks are too (no relinking to another release).
  for (const candidate of releases.items.filter(a => a.total_tracks >= 4 && a.available_markets.includes('US'))) {
    const album = await get(`albums/${candidate.id}?market=US`);
    if (album.tracks.items.every(t => t.is_playable && !t.linked_from)) albums.push(album);
    if (albums.length === 3) break;
  }
  if (albums.length < 3) throw new Error('The catalog has no three albums of four or more tracks playable in the US among its new releases.');
  const album = albums[0];
  const artist = await get(`artists/${album.artists[0].id}`);
  const artists = [artist, ...albums.slice(1).map(a => a.artists[0])].filter((a, i, all) => all.findIndex(b => b.id === a.id) === i);
  const tracks = album.tracks.items.slice(0, 3);

  const show = await get(`shows/${demoId('jukebox:show:0')}?market=US`);
  const secondShow = await get(`shows/${demoId('jukebox:show:1')}?market=US`);
  const episode = await get(`episodes/${demoId('jukebox:episode:0:1')}?market=US`);
  const audiobook = await get(`audiobooks/${demoId('jukebox:audiobook:0')}?market=US`);
  const secondAudiobook = await get(`audiobooks/${demoId('jukebox:audiobook:1')}?market=US`);
  const chapter = await get(`chapters/${demoId('jukebox:chapter:0:0')}?market=US`);

  return {
    releases,
    album,
    albums,
    albumTracks: await get(`albums/${album.id}/tracks?market=US&limit=2&offset=1`),
    artist,
    artists,
    artistAlbums: await get(`artists/${artist.id}/albums?market=US&limit=10`),
    topTracks: await get(`artists/${artist.id}/top-tracks?market=US`),
    related: await get(`artists/${artist.id}/related-artists`),
    tracks,
    show,
    secondShow,
    showEpisodes: await get(`shows/${show.id}/episodes?market=US&limit=5&offset=2`),
    episode,
    audiobook,
    secondAudiobook,
    audiobookChapters: await get(`audiobooks/${audiobook.id}/chapters?market=US&limit=3`),
    chapter,
    categories: (await get('browse/categories?limit=50')).categories,
    featured: await get('browse/featured-playlists?country=US'),
    categoryPlaylists: await get('browse/categories/rock/playlists?country=US'),
    markets: (await get('markets')).markets,
    genreSeeds: (await get('recommendations/available-genre-seeds')).genres,
  };
}
