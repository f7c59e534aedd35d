// The recipes of docs/clients.md for the npm libraries: each lives in recipes/, is copied verbatim
// into the doc (a test checks that they match), and runs here as a user runs it, against a server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startJukebox } from '../lib/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const recipes = resolve(here, '..', 'recipes');
const doc = resolve(here, '..', '..', '..', 'docs', 'clients.md');

/** The fenced code blocks of docs/clients.md whose first line names a recipe file, by that file. */
function recipesInDoc() {
  const blocks = new Map();
  for (const match of readFileSync(doc, 'utf8').matchAll(/^```\w*\n(\/\/ tests\/clients\/recipes\/(\S+)\n[\s\S]*?)^```$/gm)) {
    blocks.set(match[2], match[1]);
  }
  return blocks;
}

describe('docs/clients.md', () => {
  test('shows every recipe file verbatim, and no recipe that is not one', () => {
    const files = readdirSync(recipes).sort();
    const blocks = recipesInDoc();
    assert.deepEqual([...blocks.keys()].sort(), files);
    for (const file of files) {
      assert.equal(blocks.get(file), readFileSync(join(recipes, file), 'utf8'), `docs/clients.md's copy of recipes/${file}`);
    }
  });
});

describe('the recipes, run against a server', () => {
  let server;
  before(async () => { server = await startJukebox(); });
  after(async () => { await server?.stop(); });

  /** Runs recipes/file with node as a user would, with JUKEBOX_BASE_URL naming the server. */
  async function run(file) {
    const { stdout } = await promisify(execFile)(process.execPath, [join(recipes, file)], {
      cwd: recipes,
      env: { ...process.env, JUKEBOX_BASE_URL: server.baseUrl },
      timeout: 60_000,
    });
    return stdout.trim().split('\n');
  }

  test('@spotify/web-api-ts-sdk: client credentials and a search, with the SDK unchanged', async () => {
    const lines = await run('web-api-ts-sdk.js');
    assert.equal(lines.length, 2);
    for (const line of lines) assert.match(line, /^.+ by .+$/);
  });

  test('spotify-web-api-node: client credentials, a search and an authorize URL on Jukebox', async () => {
    const lines = await run('spotify-web-api-node.cjs');
    assert.equal(lines.length, 3);
    for (const line of lines.slice(0, 2)) assert.match(line, /^.+ by .+$/);
    const authorize = new URL(lines[2]);
    assert.equal(authorize.origin + authorize.pathname, `${server.baseUrl}/authorize`);
    assert.equal(authorize.searchParams.get('client_id'), '6a756b65626f782d64656d6f2d617070');
    assert.equal(authorize.searchParams.get('redirect_uri'), 'http://127.0.0.1:8888/callback');
    const signIn = await fetch(authorize, { redirect: 'manual' });
    assert.ok([200, 302].includes(signIn.status), `GET ${authorize}: ${signIn.status}`);
  });
});
