// Starts one Jukebox server for a test file: the already-built server on a free loopback port with a
// fresh data folder (a fresh SQLite database with the demo catalog), or the program JUKEBOX_SERVER_PROGRAM
// names (a published single file, an installed tool) the same way, or none when JUKEBOX_BASE_URL names
// a running Jukebox to use instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function startJukebox() {
  const external = process.env.JUKEBOX_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    await waitUntilReady(baseUrl, null, 10_000);
    return { baseUrl, log: () => '', stop: async () => {} };
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'jukebox-clients-'));
  const args = ['--data-dir', dataDir, '--urls', baseUrl];
  // A program named in JUKEBOX_SERVER_PROGRAM (test.sh names the published single file), else the
  // server the test run has just built; `dotnet run` builds it first when it has not been.
  const program = process.env.JUKEBOX_SERVER_PROGRAM;
  const built = ['Debug', 'Release']
    .map(configuration => join(repoRoot, 'src/Jukebox.Server/bin', configuration, 'net10.0/jukebox.dll'))
    .find(existsSync);
  const command = program
    ? [program, args]
    : built
      ? ['dotnet', [built, ...args]]
      : ['dotnet', ['run', '--project', join(repoRoot, 'src/Jukebox.Server'), '--', ...args]];
  const child = spawn(command[0], command[1], {
    cwd: program ? dataDir : built ? dirname(built) : repoRoot,
    detached: true, // its own process group, so stopping it stops anything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  let output = '';
  child.stdout.on('data', chunk => { output += chunk; });
  child.stderr.on('data', chunk => { output += chunk; });
  const exited = new Promise(resolveExit => {
    child.once('exit', code => resolveExit(code));
    child.once('error', error => { output += `${error.message}\n`; resolveExit(error.code); });
  });
  const kill = signal => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseUrl, exited, 120_000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, log: () => output, stop };
}

async function waitUntilReady(baseUrl, exited, timeoutMs) {
  let exitCode;
  exited?.then(code => { exitCode = code; });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`The Jukebox server exited (${exitCode}) before it was ready.`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/readyz did not answer 200 within ${timeoutMs / 1000} s.`);
    await new Promise(r => setTimeout(r, 250));
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
