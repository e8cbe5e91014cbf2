// The real process, as `npm start` runs it: start-up, the embedded database's lock, graceful shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLockOwner } from '../src/db/pglite-lock.ts';
import { createTestDataDir } from './support/test-database.ts';

const root = path.join(import.meta.dirname, '..');

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(dataDir: string, port: number): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    DEMO_DATA: 'false',
  };
  delete env.DATABASE_URL;
  // As npm start runs it (package.json), on Node's own type stripping; in its own process group, so
  // cleanup reaches the server and anything beneath it.
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--import', './src/supported-node.js', 'src/main.ts'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

// Generous: the child loads the app and runs every migration, and CI machines may be busy.
async function waitForHealth(base: string, started: Started, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no /healthz within ${timeoutMs} ms:\n${started.output()}`);
}

/** A sign-in form post as a browser sends it: CSRF cookie and token from the page first. */
async function signInForm(base: string) {
  const page = await fetch(`${base}/sign-in`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return (password: string) =>
    fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'nobody@example.test', password, _csrf: token }).toString(),
    });
}

describe('the server process', () => {
  let dataDir: string;
  let first: Started | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-process-'));
    await createTestDataDir(dataDir);
  });
  afterAll(() => {
    if (first && first.child.exitCode === null) process.kill(-first.child.pid!, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('owns its embedded database, refuses a second process, and shuts down cleanly on SIGTERM after finishing a request', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    first = start(dataDir, port);
    await waitForHealth(base, first);
    // The lock names the server itself, the process started (npm start's script execs node too).
    const lockFile = path.join(dataDir, 'pglite.lock');
    const serverPid = parseLockOwner(fs.readFileSync(lockFile, 'utf8'))?.pid ?? 0;
    expect(serverPid).toBeGreaterThan(0);
    expect(serverPid).toBe(first.child.pid);

    const second = start(dataDir, await freePort());
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`is already in use by process ${serverPid}`);
    expect(fs.existsSync(lockFile)).toBe(true);

    // Wrong passwords: the third is answered after a one-second pause, long enough to be in flight.
    const post = await signInForm(base);
    for (const attempt of ['wrong one', 'wrong two']) expect((await post(attempt)).status).toBe(400);
    const slow = post('wrong three');
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(serverPid, 'SIGTERM');
    const answered = await slow;
    expect(answered.status).toBe(400);
    expect(await answered.text()).toContain('The email address or password is not correct');

    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shut down cleanly');
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 150_000);
});
