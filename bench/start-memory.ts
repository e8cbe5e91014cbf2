// Issue 19, "quick to start" and "light": how long `npm start` takes on an existing data directory
// to serve its first page (the median of three starts), and how much memory the server holds idle
// and after a short load. Wired into npm run bench (bench/run.ts) at national scale; standalone
// (npx tsx bench/start-memory.ts) it measures the demo's data directory, made by a first start.
// Timings live here, never in tests (docs/ARCHITECTURE.md section 7).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL } from '../src/demo/demo-data.ts';
import { benchServerEnv, signIn } from './server.ts';

export const START_TARGET_MS = 3000;
export const IDLE_TARGET_MB = 400;
export const AFTER_LOAD_FACTOR = 1.2;

export type StartMemoryOptions = {
  /** An existing data directory (the app's DATA_DIR); a start that creates one is not measured. */
  dataDir: string;
  /** What the server needs besides (DATABASE_URL for PostgreSQL; empty for the embedded database). */
  env?: Record<string, string>;
  /** A free one when not given. */
  port?: number;
  starts?: number;
  /** Seconds of load on each of the pages in the load (autocannon, 10 connections). */
  loadSeconds?: number;
  /** How long the server is left alone before its idle memory is read. */
  settleSeconds?: number;
};

type Started = { child: ChildProcess; ms: number; pid: number; cpuMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on now (the machine may be shared with other servers). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The server's resident memory, in MB, as the kernel counts it. */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

/**
 * The CPU time (user and system, all threads) the server used: on a shared machine the wall time to
 * the first page depends on the other work, this much less.
 */
function cpuMsOf(pid: number): number {
  // Fields after the command's name (which is in parentheses): utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** The Node process that is the server: npm start's script execs node, so it is npm's child. */
function serverPid(npmPid: number): number | null {
  let children: string;
  try {
    children = fs.readFileSync(`/proc/${npmPid}/task/${npmPid}/children`, 'utf8');
  } catch {
    return null;
  }
  for (const pid of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('src/main.ts')) return pid;
  }
  return null;
}

/** Runs `npm start` as an operator would, and times it from the spawn to the sign-in page's 200. */
async function startAndTime(options: StartMemoryOptions, port: number): Promise<Started> {
  const begun = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: benchServerEnv(port, options.env ?? {}, options.dataDir),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw new Error(`npm start exited with ${exited} before serving a page`);
    if (performance.now() - begun > 180_000) throw new Error('no page within 180 s of npm start');
    const status = await fetch(`http://127.0.0.1:${port}/sign-in`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await sleep(20);
  }
  const ms = performance.now() - begun;
  const pid = serverPid(child.pid!);
  if (pid === null) throw new Error('could not find the server process under npm start');
  return { child, ms, pid, cpuMs: cpuMsOf(pid) };
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  process.kill(started.pid, 'SIGTERM');
  await exited;
}

/** A short load over pages that read much (the signed-in homes, a school's home, the directory). */
async function load(url: string, seconds: number): Promise<number> {
  const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  const head = await signIn(url, email('headteacher'), DEMO_PASSWORD);
  const admin = await signIn(url, email('administrator'), DEMO_PASSWORD);
  const officer = await signIn(url, email('la_officer'), DEMO_PASSWORD);
  const pages: [string, string][] = [
    [`${url}/`, head],
    [`${url}/schools/${DEMO_SCHOOL}/home`, head],
    [`${url}/schools/${DEMO_SCHOOL}/evidence`, head],
    [`${url}/schools?q=ysgol`, admin],
    [`${url}/local-authorities/681/overview`, officer],
  ];
  let failed = 0;
  for (const [page, cookie] of pages) {
    const r = await autocannon({ url: page, headers: { cookie }, connections: 10, duration: seconds });
    failed += r.non2xx + r.errors;
  }
  return failed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** Measures, and returns the lines to print (each figure with its verdict). */
export async function benchStartMemory(options: StartMemoryOptions): Promise<string[]> {
  const port = options.port ?? (await freePort());
  const loadAverage = os.loadavg()[0]!;
  const starts = options.starts ?? 3;
  const times: number[] = [];
  const cpu: number[] = [];
  let last: Started | null = null;
  for (let i = 0; i < starts; i++) {
    if (last) await stop(last);
    last = await startAndTime(options, port);
    times.push(last.ms);
    cpu.push(last.cpuMs);
  }
  const server = last!;
  try {
    await sleep((options.settleSeconds ?? 10) * 1000);
    const idle = residentMb(server.pid);
    const failed = await load(`http://127.0.0.1:${port}`, options.loadSeconds ?? 5);
    await sleep((options.settleSeconds ?? 10) * 1000);
    const afterLoad = residentMb(server.pid);
    const start = median(times);
    const lines = [
      `start to first page (npm start, existing data, median of ${starts}: ${times.map((t) => t.toFixed(0)).join(', ')} ms) = ${start.toFixed(0)} ms; target at most ${START_TARGET_MS} ms -> ${verdict(start <= START_TARGET_MS)}`,
      `CPU time of the server to its first page (median) = ${median(cpu).toFixed(0)} ms (${cpu.map((t) => t.toFixed(0)).join(', ')})`,
      `resident memory idle = ${idle.toFixed(0)} MB; target at most ${IDLE_TARGET_MB} MB -> ${verdict(idle <= IDLE_TARGET_MB)}`,
      `resident memory after load = ${afterLoad.toFixed(0)} MB (${(afterLoad / idle).toFixed(2)}x idle); target within ${AFTER_LOAD_FACTOR}x -> ${verdict(afterLoad <= idle * AFTER_LOAD_FACTOR)}`,
    ];
    lines.push(
      `(the machine's load average was ${loadAverage.toFixed(2)} on ${os.cpus().length} cores at the first start, ${os.loadavg()[0]!.toFixed(2)} at the end)`,
    );
    if (failed > 0) lines.push(`${failed} requests of the load failed: the memory after load is not valid.`);
    return lines;
  } finally {
    await stop(server);
  }
}

/** A data directory holding the demo, made by one start of the app that is not measured. */
async function demoDataDir(port: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-start-'));
  const first = await startAndTime({ dataDir, env: { DATABASE_URL: '' } }, port);
  await stop(first);
  return dataDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const dataDir = process.env.BENCH_DATA_DIR ?? (await demoDataDir(port));
  try {
    console.log(`on ${dataDir}`);
    for (const line of await benchStartMemory({ dataDir, env: { DATABASE_URL: '' }, port })) console.log(line);
  } finally {
    if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
