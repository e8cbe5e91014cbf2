import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export type BenchServer = { url: string; child: ChildProcess; stop(): Promise<void> };

/** The app as `npm start` runs it (package.json's start script), less npm and the stylesheet check. */
export const SERVER_ARGS = ['--max-semi-space-size=16', '--import', './src/supported-node.js', 'src/main.ts'];

/** The server's environment in every benchmark: quiet logs, no rate limits, passwords alone. */
export function benchServerEnv(port: number, env: Record<string, string>, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
    // The benchmarks sign the demo's LA and WG accounts in with a password alone to measure pages.
    TWO_FACTOR_REQUIRED: 'false',
    // As npm start sets it (package.json).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    ...env,
  };
}

/**
 * Starts the real app on `dataDir` (a fresh one, loaded with the demo, when not given). Every line
 * the app writes to stdout (pino JSON, at LOG_LEVEL warn unless `env` says otherwise) goes to `onLine`.
 */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-bench-')),
  onLine: (line: string) => void = () => {},
): Promise<BenchServer> {
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: benchServerEnv(port, env, dataDir),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('Cydwella is running')) resolve();
      onLine(line);
    });
  });
  return {
    url,
    child,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real form and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${url}/sign-in`);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password, _csrf: token ?? '' }).toString(),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('cyd_session='));
  if (response.status !== 303 || !session) throw new Error(`sign-in failed with ${response.status}`);
  return session.split(';')[0]!;
}
