// npm run bench: starts the app and measures routes side by side with autocannon.
// Targets live here, not in timed tests (DESIGN.md section 7).
import autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-data.ts';
import { signIn, startServer } from './server.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up so template compilation and JIT are not counted.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const server = await startServer(Number(process.env.BENCH_PORT ?? 3999));
try {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;
  const cookie = await signIn(server.url, admin.email, DEMO_PASSWORD);
  const trivial = await measure('trivial route (GET /healthz)', `${server.url}/healthz`);
  const home = await measure('signed-in home page (GET /)', `${server.url}/`, { cookie });
  const rows = [trivial, home];
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each\n`);
  console.log('route'.padEnd(36), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8));
  for (const r of rows) {
    console.log(r.name.padEnd(36), r.rps.toFixed(0).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8), String(r.non2xx + r.errors).padStart(8));
  }
  const ratio = home.rps / trivial.rps;
  const target = 1 / 40;
  console.log(`\nhome / trivial = ${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(1)}); target: above 1/40 = ${target.toFixed(3)} -> ${ratio > target ? 'MET' : 'NOT MET'}`);
  if (rows.some((r) => r.non2xx + r.errors > 0)) {
    console.error('Some requests failed: the figures above are not valid.');
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
