// npm run bench:home-then: issue 13's target as written, "each role's home at national scale within
// 2x of today's signed-in home page's throughput", where "today's" is the home as it was when the
// issue was filed (welcome, your roles, a link or two). `npm run bench` compares each role's home
// with the administrator's links-only home on today's code instead, a stricter proxy: that home has
// got several times faster since. Here the old app itself runs, from a git worktree of the commit
// before the new home, on its own national data, beside today's app on today's, and each role's
// home is measured on both in turns (so load on the machine touches both alike), one server at a time.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import { buildNationalData, type NationalData } from './national-data.ts';
import { signIn, startServer, type BenchServer } from './server.ts';

// The last commit before the new home landed (issue 13): its signed-in home page is "today's" in
// the target, the page the new homes are to stay within 2x of.
const HOME_THEN_REV = '5a04eec';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? process.env.ROUNDS ?? 3);
const PORT_NOW = Number(process.env.BENCH_PORT ?? 3994);
const PORT_THEN = Number(process.env.BENCH_PORT_THEN ?? 3993);
const READY = 'homeThenReady';

const repoRoot = path.resolve(import.meta.dirname, '..');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A detached worktree of HOME_THEN_REV in the system's temporary directory, with its own packages; kept between runs. */
function homeThenWorktree(): string {
  const dir = path.join(os.tmpdir(), `cydwella-home-then-${HOME_THEN_REV}`);
  const commit = git(repoRoot, 'rev-parse', `${HOME_THEN_REV}^{commit}`);
  if (fs.existsSync(dir)) {
    let head = '';
    try {
      head = git(dir, 'rev-parse', 'HEAD');
    } catch {
      // not a git checkout: refused below
    }
    if (head !== commit)
      throw new Error(`${dir} exists but is not a checkout of ${HOME_THEN_REV}: move it away (it is not removed here)`);
    console.log(`Reusing the worktree of ${HOME_THEN_REV} at ${dir} (kept between runs).`);
  } else {
    // --force only lets git reuse the name of a worktree whose directory was deleted by hand.
    git(repoRoot, 'worktree', 'add', '--force', '--detach', dir, commit);
    console.log(`Made a worktree of ${HOME_THEN_REV} at ${dir}; it is kept for the next run.`);
  }
  // npm writes node_modules/.package-lock.json last, so an interrupted install is done again.
  if (!fs.existsSync(path.join(dir, 'node_modules', '.package-lock.json'))) {
    console.log(`Installing its packages (npm ci, about 40 s, once)...`);
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  console.log(`(To remove it: git worktree remove --force ${dir})`);
  return dir;
}

// Run inside the old worktree with its own tsx and Node: the old national data, the old server
// (which starts `src/main.ts` relative to the working directory) and the old demo accounts.
const THEN_SCRIPT = `// Written by the newer tree's bench/home-then.ts on every run; safe to delete.
import { buildNationalData } from './national-data.ts';
import { signIn, startServer } from './server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';

const data = await buildNationalData();
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  // The server may have had the signal too (the whole process group is told to stop).
  if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
  await data.dispose();
  process.exit(code);
};
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
try {
  server = await startServer(${PORT_THEN}, { ...data.env, TWO_FACTOR_REQUIRED: 'false' }, data.dataDir);
  const cookies: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) cookies[account.role] = await signIn(server.url, account.email, DEMO_PASSWORD);
  console.log(JSON.stringify({ ${READY}: true, url: server.url, node: process.version, cookies }));
} catch (error) {
  console.error(error);
  await stop(1);
}
setInterval(() => {}, 1 << 30);
`;

type ThenServer = { url: string; node: string; cookies: Record<string, string> };

/** Starts the old app in its worktree; `stop` ends it and removes its data. */
function startThen(worktree: string): { ready: Promise<ThenServer>; stop(): Promise<void> } {
  const script = path.join(worktree, 'bench', 'home-then-serve.tmp.ts');
  fs.writeFileSync(script, THEN_SCRIPT);
  // npm's variables for this run (npm_config_local_prefix and the like) would point npx at our tree's packages.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  // Its own process group: npx does not pass SIGTERM on, so the whole group is told to stop.
  const child: ChildProcess = spawn('npx', ['tsx', script], {
    cwd: worktree,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The old tree's script holds this pipe until it has stopped its server and removed its data.
  const closed = new Promise<void>((resolve) => child.stdout!.once('close', resolve));
  const ready = new Promise<ThenServer>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(READY)) resolve(JSON.parse(line) as ThenServer);
      else console.log(`[${HOME_THEN_REV}] ${line}`);
    });
    void closed.then(() => reject(new Error(`the ${HOME_THEN_REV} server stopped before it was ready`)));
  });
  ready.catch(() => {}); // awaited by the caller; this only keeps an early failure from being unhandled
  let stopped: Promise<void> | undefined;
  return {
    ready,
    stop: () =>
      (stopped ??= (async () => {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // already gone
        }
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000).unref());
        if ((await Promise.race([closed, timeout])) === 'timeout')
          console.error(`The ${HOME_THEN_REV} server did not stop within 60 s (process group ${child.pid}).`);
        fs.rmSync(script, { force: true });
      })()),
  };
}

type Sample = { rps: number; failed: number };
async function measure(url: string, headers: Record<string, string>, warmUp: boolean): Promise<Sample> {
  if (warmUp) await autocannon({ url, headers, connections: CONNECTIONS, duration: 1 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, failed: r.non2xx + r.errors + r.timeouts };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const worktree = homeThenWorktree();
const then = startThen(worktree);
let nowData: NationalData | undefined;
let now: BenchServer | undefined;
let cleaning: Promise<void> | undefined;
const stopNow = async () => {
  // After a Ctrl-C the server has had the SIGINT too and may be gone already.
  if (now && now.child.exitCode === null && now.child.signalCode === null) await now.stop();
  await nowData?.dispose();
};
const cleanUp = () => (cleaning ??= Promise.allSettled([then.stop(), stopNow()]).then(() => undefined));
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  // Both data sets are built at once (a minute or two each); nothing is measured until both are up.
  const [thenResult, nowResult] = await Promise.allSettled([then.ready, buildNationalData()]);
  if (nowResult.status === 'fulfilled') nowData = nowResult.value;
  if (thenResult.status === 'rejected') throw thenResult.reason;
  if (nowResult.status === 'rejected') throw nowResult.reason;
  const thenServer = thenResult.value;
  now = await startServer(PORT_NOW, nowData!.env, nowData!.dataDir);
  const nowCookies: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) nowCookies[account.role] = await signIn(now.url, account.email, DEMO_PASSWORD);
  console.log(`then: ${HOME_THEN_REV} on Node ${thenServer.node}; now: this tree on Node ${process.version}`);

  const roles = DEMO_ACCOUNTS.map((a) => a.role).filter((role) => role !== 'administrator');
  const missing = roles.filter((role) => !thenServer.cookies[role]);
  if (missing.length) throw new Error(`${HOME_THEN_REV} has no demo account for ${missing.join(', ')}`);
  const rows = [
    { name: 'trivial route (GET /healthz)', path: '/healthz', then: {}, now: {} },
    ...roles.map((role) => ({
      name: `home (GET /) as ${role}`,
      path: '/',
      then: { cookie: thenServer.cookies[role]! },
      now: { cookie: nowCookies[role]! },
    })),
  ].map((row) => ({ ...row, thenRps: [] as number[], nowRps: [] as number[] }));
  let failed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`round ${round + 1} of ${ROUNDS}...`);
    for (const row of rows) {
      const a = await measure(`${thenServer.url}${row.path}`, row.then, round === 0);
      const b = await measure(`${now.url}${row.path}`, row.now, round === 0);
      row.thenRps.push(a.rps);
      row.nowRps.push(b.rps);
      failed += a.failed + b.failed;
    }
  }

  console.log(
    `\n${CONNECTIONS} connections, ${ROUNDS} round(s) of ${DURATION_S} s in turns (then, now), medians; then = ${HOME_THEN_REV}\n`,
  );
  console.log(
    'route'.padEnd(38),
    'then req/s'.padStart(11),
    'now req/s'.padStart(10),
    'now/then'.padStart(9),
    '  within 2x (now >= 0.5 x then)',
  );
  let met = 0;
  for (const [index, row] of rows.entries()) {
    const thenRps = median(row.thenRps);
    const nowRps = median(row.nowRps);
    const ok = nowRps >= thenRps / 2;
    if (index > 0 && ok) met++;
    console.log(
      row.name.padEnd(38),
      thenRps.toFixed(0).padStart(11),
      nowRps.toFixed(0).padStart(10),
      (nowRps / thenRps).toFixed(2).padStart(9),
      index === 0 ? '' : `  ${ok ? 'MET' : 'NOT MET'}`,
    );
  }
  console.log(
    `\nissue 13, each role's home within 2x of the signed-in home page as it was (${HOME_THEN_REV}): ${met} of ${roles.length} met -> ${met === roles.length ? 'MET' : 'NOT MET'}`,
  );
  if (failed > 0) {
    console.error(`${failed} requests failed (non-2xx or errors): the figures above are not valid.`);
    process.exitCode = 1;
  }
} finally {
  await cleanUp();
}
process.exit();
