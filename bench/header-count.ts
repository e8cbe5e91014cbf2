// npm run bench:header: what the header's unread notifications count (issue 12) costs the home page.
// The header is rendered once per language at start-up; the count is the one per-request part it
// adds (a placeholder filled from one index-only query). Two apps on one database, one with the
// count and one without, measured in turns (A B A B A B) so drift on a shared machine falls on both.
// Target: the home page with the count at most 10% slower (requests per second) than without.
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { wrapPglite } from '../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../src/demo/demo-data.ts';
import { signIn } from './server.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OTHER_USERS = 2_000;
const EVENTS = 50;

const database = await wrapPglite(await PGlite.create());
await database.migrate();
await loadDemoData(database.db, new Date());
const head = DEMO_ACCOUNTS.find((a) => a.role === 'headteacher')!.email;

// A service in use: 2,000 other people with 50 notifications each (100,000 rows, half read), and
// the headteacher with 40 unread among 240. The count must read only the headteacher's unread rows.
await database.db.execute(sql`
  insert into users (email, display_name, password_hash, active)
  select 'bench' || n || '@example.test', 'Bench ' || n, 'x', true from generate_series(1, ${OTHER_USERS}) n`);
await database.db.execute(sql`
  insert into events (kind, subject_type, subject_id, link, relayed_at)
  select 'meeting_arranged', 'meeting', 'bench' || n, '/account', now() from generate_series(1, ${EVENTS}) n`);
await database.db.execute(sql`
  insert into notifications (user_id, event_id, kind, cadence, read_at)
  select u.id, e.id, e.kind, 'weekly', case when e.id % 2 = 0 then now() end
  from users u cross join events e where u.email like 'bench%'`);
await database.db.execute(sql`
  insert into events (kind, subject_type, subject_id, link, relayed_at)
  select 'support_matched', 'support', 'head' || n, '/account', now() from generate_series(1, 240) n`);
await database.db.execute(sql`
  insert into notifications (user_id, event_id, kind, cadence, read_at)
  select u.id, e.id, e.kind, 'at_once', case when substring(e.subject_id from 5)::int > 40 then now() end
  from users u cross join events e where u.email = ${head} and e.subject_type = 'support'`);
await database.db.execute(sql`analyze notifications`);

const config = loadConfig({
  NODE_ENV: 'test',
  PUBLIC_URL: 'http://127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '100000000',
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000000',
  LOG_LEVEL: 'warn',
});

async function start(app: App, port: number): Promise<string> {
  await app.listen({ port, host: '127.0.0.1' });
  return `http://127.0.0.1:${port}`;
}

const withCount = await buildApp({ config, database, mailer: null });
const without = await buildApp({ config, database, mailer: null, unreadCount: null });
const urls = { with: await start(withCount, 3997), without: await start(without, 3998) };
// One session works on both: the same database and the same cookie key.
const cookie = await signIn(urls.with, head, DEMO_PASSWORD);

const home = await fetch(`${urls.with}/`, { headers: { cookie } }).then((r) => r.text());
const badge = /cyd-unread-badge" aria-hidden="true">(\d+)</.exec(home)?.[1];
if (!badge) throw new Error('The home page shows no unread count: the bench would measure nothing');
const plain = await fetch(`${urls.without}/`, { headers: { cookie } }).then((r) => r.text());
if (plain.includes('cyd-unread-badge')) throw new Error('The baseline app shows the count');

type Sample = { rps: number; p50: number; p99: number; failed: number };
async function measure(url: string): Promise<Sample> {
  await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors };
}

const samples: Record<'with' | 'without', Sample[]> = { with: [], without: [] };
for (let round = 0; round < ROUNDS; round++) {
  samples.without.push(await measure(`${urls.without}/`));
  samples.with.push(await measure(`${urls.with}/`));
}
// Under load from other work, autocannon's rounds drift; one request each way in turn, one at a
// time, cancels the drift and shows the count's own cost per page.
const INTERLEAVED = Number(process.env.BENCH_INTERLEAVED ?? 1000);
const latencies: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let i = 0; i < INTERLEAVED; i++)
  for (const [name, app] of [
    ['without', without],
    ['with', withCount],
  ] as const) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`home page answered ${response.statusCode}`);
    latencies[name].push(performance.now() - started);
  }
await Promise.all([withCount.close(), without.close()]);
await database.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (name: string, list: Sample[]) => ({
  name,
  rps: median(list.map((s) => s.rps)),
  p50: median(list.map((s) => s.p50)),
  p99: median(list.map((s) => s.p99)),
  failed: list.reduce((sum, s) => sum + s.failed, 0),
});
const rows = [
  summary('home page, without the count', samples.without),
  summary(`home page, with the count (${badge} unread)`, samples.with),
];
console.log(
  `\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each, medians; ${OTHER_USERS * EVENTS + 240} notifications\n`,
);
console.log('route'.padEnd(44), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'failed'.padStart(8));
for (const r of rows)
  console.log(
    r.name.padEnd(44),
    r.rps.toFixed(0).padStart(9),
    String(r.p50).padStart(8),
    String(r.p99).padStart(8),
    String(r.failed).padStart(8),
  );
const slower = 1 - rows[1]!.rps / rows[0]!.rps;
console.log(
  `\nheader count: ${(slower * 100).toFixed(1)}% slower in requests per second (target at most 10%): ${slower <= 0.1 ? 'MET' : 'NOT MET'}`,
);
console.log(
  `rounds without: ${samples.without.map((s) => s.rps.toFixed(0)).join(', ')}; with: ${samples.with.map((s) => s.rps.toFixed(0)).join(', ')}`,
);
const sequential = { without: median(latencies.without), with: median(latencies.with) };
console.log(
  `\none request at a time, in turns (${INTERLEAVED} each), median: without ${sequential.without.toFixed(2)} ms, with ${sequential.with.toFixed(2)} ms: ` +
    `${((sequential.with / sequential.without - 1) * 100).toFixed(1)}% slower (target at most 10%): ${sequential.with <= sequential.without * 1.1 ? 'MET' : 'NOT MET'}`,
);
if (rows.some((r) => r.failed > 0)) process.exitCode = 1;
