// npm run bench: builds a national-scale database, starts the app on it and measures routes side
// by side with autocannon. Targets live here, not in timed tests (docs/ARCHITECTURE.md section 7).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL } from '../src/demo/demo-data.ts';
import { signIn, startServer } from './server.ts';
import { benchLaHeatmap } from './la-heatmap.ts';
import { benchNationalPicture } from './national.ts';
import { benchPageWeights } from './page-weight.ts';
import { benchSurvey } from './survey.ts';
import { buildNationalData } from './national-data.ts';
import { generatePlanVolume, type PlanVolume } from './plan-volume.ts';
import { EVIDENCE_SEARCH_QUERY, writeSearchableEvidence } from './evidence-search.ts';
import { benchStartMemory } from './start-memory.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_ONLY=evidence-search measures just the evidence list and its search (issue 16), to
// compare one change on a shared machine without the full run; BENCH_ONLY=start-memory just the
// start and the memory (issue 19).
const ONLY = process.env.BENCH_ONLY ?? '';

type Result = { name: string; rps: number; p50: number; p99: number; failed: number };

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up so template compilation and JIT are not counted.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors };
}

const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

// Issue 15: one school's three-year plan at full size (bench/plan-volume.ts).
let planVolume: PlanVolume | undefined;
const data = await buildNationalData({
  extend: async (db, { year }) => {
    planVolume = await generatePlanVolume(db, { year, passwordFrom: email('headteacher') });
    await writeSearchableEvidence(db, DEMO_SCHOOL);
  },
});
const { collaborative } = data;
// Issue 19: start-to-first-page on this existing data directory, and the server's memory idle and
// after a short load, before the pages are measured (each start is the same npm start an operator runs).
if (ONLY === '' || ONLY === 'start-memory') {
  console.log('');
  for (const line of await benchStartMemory({ dataDir: data.dataDir, env: data.env })) console.log(line);
  if (ONLY === 'start-memory') {
    await data.dispose();
    process.exit();
  }
}
const server = await startServer(Number(process.env.BENCH_PORT ?? 3999), data.env, data.dataDir);
const evidenceUrl = `${server.url}/schools/${DEMO_SCHOOL}/evidence`;
const evidenceSearchName = `evidence search, 2,000 items (q=${EVIDENCE_SEARCH_QUERY})`;
const evidenceSearchUrl = `${evidenceUrl}?q=${encodeURIComponent(EVIDENCE_SEARCH_QUERY)}`;
if (ONLY === 'evidence-search') {
  try {
    const cookie = await signIn(server.url, email('headteacher'), DEMO_PASSWORD);
    const list = await measure('evidence list, 2,000 items', evidenceUrl, { cookie });
    const found = await measure(evidenceSearchName, evidenceSearchUrl, { cookie });
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each\n`);
    for (const r of [list, found])
      console.log(
        r.name.padEnd(46),
        r.rps.toFixed(0).padStart(9),
        String(r.p50).padStart(8),
        String(r.p99).padStart(8),
      );
    if (list.failed + found.failed > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    await data.dispose();
  }
  process.exit();
}
try {
  const admin = await signIn(server.url, email('administrator'), DEMO_PASSWORD);
  const head = await signIn(server.url, email('headteacher'), DEMO_PASSWORD);
  const trivial = await measure('trivial route (GET /healthz)', `${server.url}/healthz`);
  const home = await measure('signed-in home page (GET /)', `${server.url}/`, { cookie: admin });
  const search = await measure('school search (/schools?q=ysgol)', `${server.url}/schools?q=ysgol`, { cookie: admin });
  const api = await measure('API (/api/v1/schools?sector=primary)', `${server.url}/api/v1/schools?sector=primary`, {
    cookie: admin,
  });
  const schoolHome = await measure('school home, 2,000 items', `${server.url}/schools/${DEMO_SCHOOL}/home`, {
    cookie: head,
  });
  const evidenceList = await measure('evidence list, 2,000 items', evidenceUrl, { cookie: head });
  const evidenceSearch = await measure(evidenceSearchName, evidenceSearchUrl, { cookie: head });
  const planHead = await signIn(server.url, planVolume!.headEmail, DEMO_PASSWORD);
  const planPage = await measure(
    'plan page, 3 years, 8 priorities, 60 actions',
    `${server.url}/schools/${planVolume!.schoolNumber}/plan`,
    { cookie: planHead },
  );
  const partner = await signIn(server.url, email('improvement_partner'), DEMO_PASSWORD);
  const space = `${server.url}/collaboratives/${collaborative}`;
  const spacePages = [
    await measure('collaborative overview, 30 schools', space, { cookie: partner }),
    await measure('shared feed, a year of items', `${space}/shared`, { cookie: partner }),
    await measure('shared feed, filtered to one school', `${space}/shared?school=${DEMO_SCHOOL}&type=evidence`, {
      cookie: partner,
    }),
    await measure('common ground, 30 schools', `${space}/common-ground`, { cookie: partner }),
    await measure('reciprocity, 30 schools', `${space}/reciprocity`, { cookie: partner }),
    await measure('peer enquiries, 30', `${space}/enquiries`, { cookie: partner }),
    await measure('meetings', `${space}/meetings`, { cookie: partner }),
  ];
  const officer = await signIn(server.url, email('la_officer'), DEMO_PASSWORD);
  spacePages.push(
    await measure('LA overview, Cardiff (127 schools)', `${server.url}/local-authorities/681/overview`, {
      cookie: officer,
    }),
  );
  // The home answers "what needs me?" differently for each role (issue 13): each demo persona's own
  // home, on the national data, beside the administrator's (links only) home above.
  const roleHomes: Result[] = [];
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== 'administrator')) {
    const cookie = await signIn(server.url, account.email, DEMO_PASSWORD);
    roleHomes.push(await measure(`home (GET /) as ${account.role}`, `${server.url}/`, { cookie }));
  }
  const rows = [
    trivial,
    home,
    search,
    api,
    schoolHome,
    evidenceList,
    evidenceSearch,
    planPage,
    ...spacePages,
    ...roleHomes,
  ];
  console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each\n`);
  console.log(
    'route'.padEnd(46),
    'req/s'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'failed'.padStart(8),
  );
  for (const r of rows)
    console.log(
      r.name.padEnd(46),
      r.rps.toFixed(0).padStart(9),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.failed).padStart(8),
    );
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const ratio = home.rps / trivial.rps;
  console.log(
    `\nhome / trivial = ${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(1)}); target above 1/40 -> ${verdict(ratio > 1 / 40)}`,
  );
  for (const page of [schoolHome, evidenceList, evidenceSearch, ...spacePages]) {
    console.log(
      `${page.name} / directory search = ${(page.rps / search.rps).toFixed(2)}; target within 2x (at least 0.5) -> ${verdict(page.rps >= search.rps / 2)}`,
    );
  }
  // Issue 15: the plan page against the directory search again, in turns. Measured once each at
  // different moments of the run, their ratio moved between 0.41 and 0.70 from one run to the next
  // on this machine (session 10); rounds taken in turns load both alike, and the median is read.
  const planRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const searchNow = await measure(search.name, `${server.url}/schools?q=ysgol`, { cookie: admin });
    const planNow = await measure(planPage.name, `${server.url}/schools/${planVolume!.schoolNumber}/plan`, {
      cookie: planHead,
    });
    if (searchNow.failed + planNow.failed > 0) process.exitCode = 1;
    planRatios.push(planNow.rps / searchNow.rps);
  }
  const planRatio = planRatios.toSorted((a, b) => a - b)[Math.floor(planRatios.length / 2)]!;
  console.log(
    `${planPage.name} / directory search, ${ROUNDS} rounds in turns = ${planRatio.toFixed(2)} (median; rounds ${planRatios.map((r) => r.toFixed(2)).join(', ')}); target within 2x (at least 0.5) -> ${verdict(planRatio >= 0.5)}`,
  );
  // Issue 13: each role's "what needs me" home against the administrator's links-only home on
  // today's code, a stricter stand-in for the target (the home as it was when the issue was
  // filed, measured itself by bench/home-then.ts at the end of this run): the links-only home has
  // every speed-up since, so this shows what the homes' own lists cost.
  for (const page of roleHomes) {
    console.log(
      `${page.name} / links-only home today = ${(page.rps / home.rps).toFixed(2)}; stricter stand-in, within 2x (at least 0.5) -> ${verdict(page.rps >= home.rps / 2)}`,
    );
  }
  if (rows.some((r) => r.failed > 0)) {
    console.error('Some requests failed: the figures above are not valid.');
    process.exitCode = 1;
  }
  // Issue 19 part 5: every page under 60 KB compressed, with its stylesheet and scripts.
  console.log('');
  for (const line of await benchPageWeights(server.url, planVolume!)) console.log(line);
} finally {
  await server.stop();
  await data.dispose();
}
// Scaling: each builds its own databases at 1x and 10x Wales (a few minutes).
if (process.env.BENCH_SCALING !== 'false') {
  console.log('');
  for (const line of [...(await benchLaHeatmap()), ...(await benchNationalPicture())]) console.log(line);
}
// Issue 13 as written: each role's home within 2x of the signed-in home page as it was when the
// issue was filed, that app itself run from a git worktree beside today's (bench/home-then.ts; its
// first run installs the old tree's packages). BENCH_HOME_THEN=false leaves it out.
if (process.env.BENCH_HOME_THEN !== 'false') {
  console.log('');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./home-then.ts', import.meta.url))],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) process.exitCode = 1;
}
// Issue 18: 300 staff answering a survey at once, and the results page of 2,000 responses (own database).
if (process.env.BENCH_SURVEY !== 'false') {
  console.log('');
  for (const line of await benchSurvey()) console.log(line);
}
