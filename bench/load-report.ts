// Turns the load bench's raw samples into figures: per page kind, overall, memory and the log,
// printed as a table and written to bench/results/ as JSON and Markdown.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One response: its page kind, time taken, outcome, whether after the warm-up, and when it arrived (seconds into the run). */
export type Sample = { kind: string; ms: number; ok: boolean; redirected: boolean; measured: boolean; at: number };
export type RssReading = { at: number; mib: number };
export type TimelineSlice = {
  fromSecond: number;
  requests: number;
  p50: number;
  p99: number;
  failed: number;
  rssMiB: number | null;
};

export type PageFigures = {
  kind: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  redirected: number;
  failed: number;
};

export type LoadResult = {
  startedAt: string;
  settings: {
    users: number;
    seconds: number;
    warmupSeconds: number;
    thinkMs: number;
    database: 'PGlite' | 'PostgreSQL';
    node: string;
    cpus: number;
    loadAverage: { start: number; end: number };
  };
  roles: Record<string, number>;
  pages: PageFigures[];
  overall: Omit<PageFigures, 'kind'> & { throughputPerSecond: number };
  failures: { status: string; kind: string; path: string }[];
  memory: { afterWarmupMiB: number; endMiB: number; peakMiB: number; ratio: number; limit: number };
  /** Warm-up included: shows stalls and whether memory levels off. */
  timeline: TimelineSlice[];
  log: { errors: number; warnings: number; firstErrors: string[] };
  verdict: { allResponses2xx3xx: boolean; noErrorsLogged: boolean; memoryWithinLimit: boolean; passed: boolean };
};

/**
 * What a response means for the bench: 2xx and 3xx pass, except a redirect to the sign-in page,
 * which is a 3xx but means the person lost their session and was not served.
 */
export function outcomeOf(
  status: number,
  location: string | null,
): { ok: boolean; redirected: boolean; label: string } {
  const redirected = status >= 300 && status < 400;
  const signedOut = redirected && (location ?? '').startsWith('/sign-in');
  return {
    ok: status >= 200 && status < 400 && !signedOut,
    redirected,
    label: signedOut ? `${status} to sign-in` : String(status),
  };
}

/** The bench's three conditions: no failed response, nothing logged at error level, memory within `limit` times its level after warm-up. */
export function verdictOf(
  failed: number,
  errorsLogged: number,
  rssRatio: number,
  limit: number,
): LoadResult['verdict'] {
  const verdict = {
    allResponses2xx3xx: failed === 0,
    noErrorsLogged: errorsLogged === 0,
    memoryWithinLimit: rssRatio <= limit,
  };
  return { ...verdict, passed: Object.values(verdict).every(Boolean) };
}

/** The nearest-rank percentile of sorted values (exact: every sample is kept, a few hundred thousand at most). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function figures(kind: string, samples: Sample[]): PageFigures {
  const times = samples
    .filter((s) => s.measured)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return {
    kind,
    requests: times.length,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    max: round(times.at(-1) ?? 0),
    redirected: samples.filter((s) => s.redirected).length,
    failed: samples.filter((s) => !s.ok).length,
  };
}

/** Per page kind (in the order given), then all pages together. Failures count the warm-up too. */
export function summarise(samples: Sample[], kinds: readonly string[], measuredSeconds: number) {
  const pages = kinds
    .map((kind) =>
      figures(
        kind,
        samples.filter((s) => s.kind === kind),
      ),
    )
    .filter((p) => p.requests + p.failed > 0);
  const all = figures('all pages', samples);
  return { pages, overall: { ...all, throughputPerSecond: Math.round((all.requests / measuredSeconds) * 10) / 10 } };
}

/** The run in slices of `seconds`: what arrived in each, and the server's memory at the slice's last reading. */
export function timeline(samples: Sample[], readings: RssReading[], seconds: number): TimelineSlice[] {
  // A loop, not Math.max(...): a long run has more samples than a call may take arguments.
  const last = [...samples, ...readings].reduce((max, s) => Math.max(max, s.at), 0);
  const slices: TimelineSlice[] = [];
  for (let from = 0; from <= last; from += seconds) {
    const inSlice = samples.filter((s) => s.at >= from && s.at < from + seconds);
    const times = inSlice.map((s) => s.ms).sort((a, b) => a - b);
    const rss = readings.filter((r) => r.at >= from && r.at < from + seconds).at(-1)?.mib ?? null;
    slices.push({
      fromSecond: from,
      requests: inSlice.length,
      p50: Math.round(percentile(times, 50)),
      p99: Math.round(percentile(times, 99)),
      failed: inSlice.filter((s) => !s.ok).length,
      rssMiB: rss,
    });
  }
  return slices;
}

const COLUMNS = ['page', 'requests', 'p50 ms', 'p99 ms', 'max ms', '3xx', 'failed'];
const rowOf = (p: PageFigures) => [
  p.kind,
  String(p.requests),
  String(p.p50),
  String(p.p99),
  String(p.max),
  String(p.redirected),
  String(p.failed),
];

export function printTable(result: LoadResult): void {
  const rows = [...result.pages, { ...result.overall, kind: 'all pages' }].map(rowOf);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(COLUMNS)}`);
  for (const r of rows) console.log(line(r));
  for (const line of summaryLines(result)) console.log(line);
}

function summaryLines(r: LoadResult): string[] {
  const { memory: m, log, verdict: v } = r;
  const mark = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  return [
    '',
    `throughput: ${r.overall.throughputPerSecond} requests/s over ${r.settings.seconds} s after a ${r.settings.warmupSeconds} s warm-up`,
    `every response 2xx/3xx (and still signed in): ${r.overall.failed} failed -> ${mark(v.allResponses2xx3xx)}`,
    `errors logged (level >= 50): ${log.errors} (warnings: ${log.warnings}) -> ${mark(v.noErrorsLogged)}`,
    `server RSS: ${m.afterWarmupMiB} MiB after warm-up, ${m.endMiB} MiB at the end (peak ${m.peakMiB} MiB); ratio ${m.ratio} (limit ${m.limit}) -> ${mark(v.memoryWithinLimit)}`,
  ];
}

function markdown(r: LoadResult): string {
  const s = r.settings;
  const table = [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...[...r.pages, { ...r.overall, kind: '**all pages**' }].map((p) => `| ${rowOf(p).join(' | ')} |`),
  ];
  const roles = Object.entries(r.roles)
    .map(([role, n]) => `${role} ${n}`)
    .join(', ');
  return [
    `# Load bench, ${r.startedAt}`,
    '',
    `${s.users} signed-in users (${roles}) in a closed loop (think time ${s.thinkMs} ms) for ${s.seconds} s after a ${s.warmupSeconds} s warm-up,`,
    `on the national-scale data in ${s.database}; Node ${s.node}, ${s.cpus} CPUs shared with the load generator. Requests and latencies exclude the warm-up; 3xx and failed count it too.`,
    `Load average (1 min) on the machine: ${s.loadAverage.start} at the start, ${s.loadAverage.end} at the end.`,
    '',
    ...table,
    '',
    ...summaryLines(r)
      .slice(1)
      .map((l) => `- ${l}`),
    '',
    `Timeline (${r.settings.warmupSeconds} s warm-up included):`,
    '',
    '| from s | requests | p50 ms | p99 ms | failed | server RSS MiB |',
    '|---:|---:|---:|---:|---:|---:|',
    ...r.timeline.map(
      (t) => `| ${t.fromSecond} | ${t.requests} | ${t.p50} | ${t.p99} | ${t.failed} | ${t.rssMiB ?? ''} |`,
    ),
    ...(r.log.firstErrors.length ? ['', 'First errors logged:', '', ...r.log.firstErrors.map((e) => `    ${e}`)] : []),
    ...(r.failures.length
      ? ['', 'First failures:', '', ...r.failures.map((f) => `- ${f.status} ${f.kind} ${f.path}`)]
      : []),
    '',
    `Result: ${r.verdict.passed ? 'PASSED' : 'FAILED'}`,
    '',
  ].join('\n');
}

/** Writes `load-<timestamp>.json` and `.md` under bench/results/; returns their paths. */
export function writeResults(result: LoadResult): string[] {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `load-${result.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}`);
  fs.writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${stem}.md`, markdown(result));
  return [`${stem}.json`, `${stem}.md`];
}
