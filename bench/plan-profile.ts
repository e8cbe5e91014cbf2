// `npx tsx bench/plan-profile.ts`: where one request of the three-year plan page spends its time
// (issue 15's benchmark), which autocannon does not say. Builds the bench's national data with the
// plan of bench/plan-volume.ts, runs the app in this process on it, times every SQL statement of one
// request (after a warm-up) and prints them, slowest first, beside the request's whole time.
import os from 'node:os';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import { buildNationalData } from './national-data.ts';
import { generatePlanVolume, type PlanVolume } from './plan-volume.ts';
import { signIn } from './server.ts';

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
type Timed = { sql: string; ms: number };
let timings: Timed[] | null = null;
// Every statement goes through query or exec (the prepared-statement wrapper calls query).
for (const method of ['query', 'exec'] as const) {
  const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      timings?.push({ sql: String(args[0]).replace(/\s+/g, ' '), ms: performance.now() - started });
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
  const totals: number[] = [];
  const sqlTotals: number[] = [];
  let last: Timed[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    timings = [];
    const started = performance.now();
    bytes = await get();
    totals.push(performance.now() - started);
    sqlTotals.push(timings.reduce((n, t) => n + t.ms, 0));
    last = timings;
    timings = null;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\nPlan page (${bytes} bytes): median ${median(totals).toFixed(1)} ms a request over ${RUNS}, of which SQL ${median(sqlTotals).toFixed(1)} ms in ${last.length} statements (${os.cpus().length} cores)\n`,
  );
  for (const t of [...last].sort((a, b) => b.ms - a.ms))
    console.log(`${t.ms.toFixed(2).padStart(8)} ms  ${t.sql.slice(0, 220)}`);
} finally {
  await app.close();
  await database.close();
  await data.dispose();
}
