// npm run bench:load: many signed-in users of every working role at once, for minutes, on the
// national-scale data. Passes when every response was 2xx/3xx, nothing was logged at error level
// and the server's memory at the end is within 1.2x of what it was after the warm-up.
// A benchmark, not a test: run it by hand (the defaults take about eight minutes), never in `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import { buildNationalData } from './national-data.ts';
import { pagesFor, type Page, type PageKind } from './load-pages.ts';
import {
  outcomeOf,
  printTable,
  summarise,
  timeline,
  verdictOf,
  writeResults,
  type LoadResult,
  type RssReading,
  type Sample,
} from './load-report.ts';
import { createLoadUsers, type LoadUser } from './load-users.ts';
import { signIn, startServer } from './server.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 3998);
const RSS_LIMIT = 1.2;
/** The timeline in the results: requests, latency and memory for each slice of this many seconds. */
const TIMELINE_SECONDS = 10;
const KINDS: PageKind[] = [
  'home',
  'school home',
  'evidence list',
  'plan',
  'documents',
  'collaborative',
  'shared feed',
  'enquiries',
  'meetings',
  'LA overview',
  'caseload',
  'LA plan',
  'school search',
  'national picture',
  'LA plans (WG)',
];

/** The server's resident memory, in MiB, from the kernel's own account of the process. */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 102.4) / 10;
}

/** Counts the app's pino lines by level; keeps the first few errors to show. */
function logWatcher() {
  const log = { errors: 0, warnings: 0, firstErrors: [] as string[] };
  const onLine = (line: string) => {
    let level = 0;
    try {
      level = line.startsWith('{') ? ((JSON.parse(line) as { level?: number }).level ?? 0) : 0;
    } catch {
      return; // not one of pino's lines (the start-up banner, for one)
    }
    if (level >= 50) {
      log.errors++;
      if (log.firstErrors.length < 5) log.firstErrors.push(line.slice(0, 500));
    } else if (level >= 40) log.warnings++;
  };
  return { log, onLine };
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

type Clock = { startedAt: number; warmupEndsAt: number; stopAt: number };

/** One person: their pages in turn, each read to the end, until the run stops. */
async function virtualUser(
  url: string,
  cookie: string,
  pages: Page[],
  start: number,
  clock: Clock,
  samples: Sample[],
  failures: LoadResult['failures'],
) {
  for (let i = start; Date.now() < clock.stopAt; i++) {
    const page = pages[i % pages.length]!;
    const began = performance.now();
    const measured = Date.now() >= clock.warmupEndsAt;
    let outcome = { ok: false, redirected: false, label: 'network error' };
    try {
      const response = await fetch(`${url}${page.path}`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      outcome = outcomeOf(response.status, response.headers.get('location'));
    } catch (error) {
      outcome.label = `network error: ${(error as Error).message}`;
    }
    const { ok, redirected } = outcome;
    samples.push({
      kind: page.kind,
      ms: performance.now() - began,
      ok,
      redirected,
      measured,
      at: (Date.now() - clock.startedAt) / 1000,
    });
    if (!ok && failures.length < 20) failures.push({ status: outcome.label, kind: page.kind, path: page.path });
    if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
  }
}

// Every virtual user comes from 127.0.0.1, where real users come from many addresses: the
// per-address limits (600 requests and 30 sign-ins a minute) would refuse the bench, not measure it.
const limits = { RATE_LIMIT_PER_MINUTE: '100000000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000' };

/** Starts the app on the data, puts the users to work, and reports. */
async function run() {
  let stopped = false;
  const server = await startServer(PORT, { ...data.env, ...limits, LOG_LEVEL: 'warn' }, data.dataDir, onLine);
  try {
    const startedAt = new Date().toISOString();
    const loadAtStart = os.loadavg()[0]!;
    console.log(`Signing ${users.length} users in through the sign-in form...`);
    const cookies = await inBatches(
      users,
      4,
      async (u) => `${await signIn(server.url, u.email, DEMO_PASSWORD)}${u.language === 'cy' ? '; cyd_lang=cy' : ''}`,
    );
    console.log(
      `${users.length} users at work for a ${WARMUP_SECONDS} s warm-up and ${SECONDS} s measured (think time ${THINK_MS} ms)...`,
    );
    const samples: Sample[] = [];
    const failures: LoadResult['failures'] = [];
    const now = Date.now();
    const clock: Clock = {
      startedAt: now,
      warmupEndsAt: now + WARMUP_SECONDS * 1000,
      stopAt: now + (WARMUP_SECONDS + SECONDS) * 1000,
    };
    const pid = server.child.pid!;
    const memory = { afterWarmupMiB: 0, endMiB: 0, peakMiB: rssMiB(pid) };
    const readings: RssReading[] = [];
    const sampler = setInterval(() => {
      readings.push({ at: (Date.now() - now) / 1000, mib: rssMiB(pid) });
      memory.peakMiB = Math.max(memory.peakMiB, readings.at(-1)!.mib);
    }, 1000);
    const warmedUp = setTimeout(() => (memory.afterWarmupMiB = rssMiB(pid)), clock.warmupEndsAt - now);
    const ended = setTimeout(() => (memory.endMiB = rssMiB(pid)), clock.stopAt - now);
    await Promise.all(
      users.map((u, i) => virtualUser(server.url, cookies[i]!, pagesFor(u, i), i, clock, samples, failures)),
    );
    clearInterval(sampler);
    clearTimeout(warmedUp);
    clearTimeout(ended);
    memory.endMiB ||= rssMiB(pid);
    memory.peakMiB = Math.max(memory.peakMiB, memory.afterWarmupMiB, memory.endMiB);
    // Stopped before the figures are made, so anything it logs while shutting down is counted.
    stopped = true;
    await server.stop();

    const { pages, overall } = summarise(samples, KINDS, SECONDS);
    const ratio = Math.round((memory.endMiB / memory.afterWarmupMiB) * 100) / 100;
    const roles = Object.fromEntries(
      [...new Set(users.map((u) => u.role))].map((r) => [r, users.filter((u) => u.role === r).length]),
    );
    const result: LoadResult = {
      startedAt,
      settings: {
        users: users.length,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        thinkMs: THINK_MS,
        database: data.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
      },
      roles,
      pages,
      overall,
      failures,
      memory: { ...memory, ratio, limit: RSS_LIMIT },
      timeline: timeline(samples, readings, TIMELINE_SECONDS),
      log,
      verdict: verdictOf(overall.failed, log.errors, ratio, RSS_LIMIT),
    };
    printTable(result);
    for (const file of writeResults(result)) console.log(`written: ${file}`);
    if (!result.verdict.passed) process.exitCode = 1;
  } finally {
    if (!stopped) await server.stop();
  }
}

let users: LoadUser[] = [];
const data = await buildNationalData({
  nationalShares: true,
  extend: async (db, built) => void (users = await createLoadUsers(db, USERS, built.collaborative)),
});
const { log, onLine } = logWatcher();

try {
  await run();
} finally {
  await data.dispose();
}
