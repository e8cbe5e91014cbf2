// `npx tsx bench/plan-profile.ts`: where one request of the three-year plan page spends its time
// (issue 15's benchmark), which autocannon does not say. Builds the bench's national data with the
// plan of bench/plan-volume.ts, runs the app in this process on it, times every SQL statement of one
// request (after a warm-up) and prints them, slowest first, beside the request's whole time.
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import { buildNationalData } from './national-data.ts';
import { generatePlanVolume, type PlanVolume } from './plan-volume.ts';
import { signIn } from './server.ts';

/** How long at least one statement was running: statements in Promise.all queue in PGlite, so their times overlap. */
function busy(intervals: { start: number; end: number }[]): number {
  let total = 0;
  let until = -Infinity;
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    if (i.end <= until) continue;
    total += i.end - Math.max(i.start, until);
    until = i.end;
  }
  return total;
}
const RUNS = Number(process.env.PROFILE_RUNS ?? 20);
let planVolume: PlanVolume | undefined;
const data = await buildNationalData({
  extend: async (db, { year }) => {
    const passwordFrom = DEMO_ACCOUNTS.find((a) => a.role === 'headteacher')!.email;
    planVolume = await generatePlanVolume(db, { year, passwordFrom });
  },
});
const database = await openDatabase({ databaseUrl: null, pgliteDir: `${data.dataDir}/pglite` });
if (database.jobStore.kind !== 'pglite') throw new Error('The profile runs on embedded PGlite');
const client = database.jobStore.client;
type Timed = { sql: string; ms: number; start: number; end: number; rows: number };
let timings: Timed[] | null = null;
// Every statement goes through query or exec (the prepared-statement wrapper calls query).
for (const method of ['query', 'exec'] as const) {
  const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const started = performance.now();
    let rows = 0;
    try {
      const result = await original(...args);
      rows = (result as { rows?: unknown[] } | undefined)?.rows?.length ?? 0;
      return result;
    } finally {
      const end = performance.now();
      timings?.push({ sql: String(args[0]).replace(/\s+/g, ' '), ms: end - started, start: started, end, rows });
    }
  };
}
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATA_DIR: data.dataDir,
  DATABASE_URL: '',
  PORT: '0',
  RATE_LIMIT_PER_MINUTE: '100000000',
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
  TWO_FACTOR_REQUIRED: 'false',
});
const app = await buildApp({ config, database, mailer: null });
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const cookie = await signIn(url, planVolume!.headEmail, DEMO_PASSWORD);
  const page = `${url}/schools/${planVolume!.schoolNumber}/plan`;
  const get = async () => {
    const response = await fetch(page, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`plan page answered ${response.status}`);
    return (await response.text()).length;
  };
  for (let i = 0; i < 5; i++) await get();
  // With PROFILE_CPU set, a CPU profile of the timed requests: the functions that took the most time.
  const session = process.env.PROFILE_CPU ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const totals: number[] = [];
  const sqlTotals: number[] = [];
  let last: Timed[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    timings = [];
    const started = performance.now();
    bytes = await get();
    totals.push(performance.now() - started);
    sqlTotals.push(busy(timings));
    last = timings;
    timings = null;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\nPlan page (${bytes} bytes): median ${median(totals).toFixed(1)} ms a request over ${RUNS}, of which some statement was running for ${median(sqlTotals).toFixed(1)} ms, in ${last.length} statements (${os.cpus().length} cores)\n`,
  );
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const self = new Map<string, number>();
    const gap = (i: number) => profile.timeDeltas?.[i] ?? 0;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples?.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + gap(i) / 1000);
    });
    console.log('CPU, self time over the timed requests:');
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
    console.log('');
  }
  for (const t of [...last].sort((a, b) => b.ms - a.ms))
    console.log(`${t.ms.toFixed(2).padStart(8)} ms ${String(t.rows).padStart(5)} rows  ${t.sql.slice(0, 200)}`);
  // With PROFILE_COMPARE set, the plan page's throughput beside the directory search's, as npm run bench measures them.
  if (process.env.PROFILE_COMPARE) {
    const admin = await signIn(url, DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!.email, DEMO_PASSWORD);
    const rate = async (target: string, headers: Record<string, string>) => {
      await autocannon({ url: target, headers, connections: 10, duration: 2 });
      const r = await autocannon({ url: target, headers, connections: 10, duration: 5 });
      return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors };
    };
    const planRate = await rate(page, { cookie });
    const searchRate = await rate(`${url}/schools?q=ysgol`, { cookie: admin });
    console.log(`\nplan page: ${JSON.stringify(planRate)}\ndirectory search: ${JSON.stringify(searchRate)}`);
    console.log(
      `plan page / directory search = ${(planRate.rps / searchRate.rps).toFixed(2)} (in one process with this script)`,
    );
  }
} finally {
  await app.close();
  await database.close();
  await data.dispose();
}
