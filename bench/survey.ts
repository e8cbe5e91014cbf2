// Issue 18's survey targets, on the demo data (a fresh database of its own):
// - 300 staff answering the demo school's SLO survey at once through its public link, each a fresh
//   respondent (its own CSRF cookie from loading the form, never the "already answered" cookie):
//   answers per second and p99 of the answer;
// - the SLO results page of a survey with 2,000 responses (rows written straight into the database,
//   with last year's survey beside it) against the directory search, target within 2x.
// Called from bench/run.ts; runs alone too (`npx tsx bench/survey.ts`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/client.ts';
import { surveys } from '../src/db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL, loadDemoData } from '../src/demo/demo-data.ts';
import { SLO_ELEMENTS } from '../src/features/surveys/slo-model.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { signIn, startServer } from './server.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const STAFF = Number(process.env.BENCH_SURVEY_STAFF ?? 300);
const ROUNDS = Number(process.env.BENCH_SURVEY_ROUNDS ?? 3);
const RESPONSES = 2_000;

const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

/** 2,000 responses to every element, in SQL: values spread 0-5 by a hash, one comment in ten. */
async function writeResponses(db: Db, surveyId: string) {
  await db.execute(sql`
    with r as (
      insert into survey_responses (survey_id, answered_on, language, comment)
      select ${surveyId}, current_date, case when g % 3 = 0 then 'cy' else 'en' end,
        case when g % 10 = 0 then 'We would like more time to plan together, response ' || g else '' end
      from generate_series(1, ${RESPONSES}) g
      returning id)
    insert into survey_answers (response_id, question_id, value)
    select r.id, q.id, (abs(hashtext(r.id::text || q.id::text)) % 6)::smallint
    from r cross join survey_questions q where q.survey_id = ${surveyId}`);
}

async function prepare(): Promise<{ dataDir: string; surveyId: string; token: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-bench-survey-'));
  const database = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    await database.migrate();
    const now = new Date();
    await loadDemoData(database.db, now);
    const [survey] = await database.db
      .select()
      .from(surveys)
      .where(and(eq(surveys.schoolNumber, DEMO_SCHOOL), eq(surveys.academicYear, academicYearOf(now))));
    if (!survey) throw new Error('the demo school has no SLO survey this year');
    await writeResponses(database.db, survey.id);
    return { dataDir, surveyId: survey.id, token: survey.token };
  } finally {
    await database.close();
  }
}

async function measure(url: string, cookie: string) {
  await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors };
}

/** One respondent's form load: the CSRF cookie and token a browser would hold. */
async function loadForm(url: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(url);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('cyd_csrf='))
    .join('; ');
  if (!token || !cookie) throw new Error(`no form at ${url} (status ${page.status})`);
  return { cookie, token };
}

/** `STAFF` respondents, forms loaded, answering at the same moment; latencies of the answers. */
async function answerAtOnce(url: string): Promise<{ elapsed: number; latencies: number[]; failed: number }> {
  const forms = await Promise.all(Array.from({ length: STAFF }, () => loadForm(url)));
  const started = performance.now();
  const results = await Promise.all(
    forms.map(async ({ cookie, token }, i) => {
      const body = new URLSearchParams({ _csrf: token });
      SLO_ELEMENTS.forEach((_, q) => body.append(`q${q + 1}`, String((i + q) % 6)));
      if (i % 10 === 0) body.append('comment', 'Mwy o amser i gydweithio, os gwelwch yn dda.');
      const sent = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      await response.arrayBuffer();
      return { ms: performance.now() - sent, ok: response.status === 303 };
    }),
  );
  return {
    elapsed: performance.now() - started,
    latencies: results.map((r) => r.ms),
    failed: results.filter((r) => !r.ok).length,
  };
}

const answersGiven = (rounds: { latencies: number[]; failed: number }[]) =>
  rounds.reduce((n, r) => n + r.latencies.length - r.failed, 0);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Printable lines: answers per second and p99 at 300 at once, and the results page beside the directory search. */
export async function benchSurvey(): Promise<string[]> {
  const { dataDir, surveyId, token } = await prepare();
  const server = await startServer(Number(process.env.BENCH_SURVEY_PORT ?? 3997), {}, dataDir);
  try {
    const head = await signIn(server.url, email('headteacher'), DEMO_PASSWORD);
    const admin = await signIn(server.url, email('administrator'), DEMO_PASSWORD);
    const resultsUrl = `${server.url}/schools/${DEMO_SCHOOL}/surveys/${surveyId}`;
    const check = await fetch(resultsUrl, { headers: { cookie: head } });
    if (!(await check.text()).includes(`${RESPONSES + 7} responses`))
      throw new Error('results page lacks the responses');
    const results = await measure(resultsUrl, head);
    const search = await measure(`${server.url}/schools?q=ysgol`, admin);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await answerAtOnce(`${server.url}/survey/${token}`));
    // The answers just given make the remembered results stale: the next read summarises afresh.
    const fresh = performance.now();
    const afterAnswers = await fetch(resultsUrl, { headers: { cookie: head } });
    await afterAnswers.text();
    const freshMs = performance.now() - fresh;
    const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const answers = answersGiven(rounds);
    const elapsed = rounds.reduce((s, r) => s + r.elapsed, 0);
    const failed = rounds.reduce((n, r) => n + r.failed, 0) + results.failed + search.failed;
    const ratio = results.rps / search.rps;
    const lines = [
      `survey: ${STAFF} staff answering at once through the public link, ${ROUNDS} rounds: ${(answers / (elapsed / 1000)).toFixed(0)} answers/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, failed ${rounds.reduce((n, r) => n + r.failed, 0)}`,
      `survey: SLO results page, ${RESPONSES.toLocaleString('en-GB')} responses (last year beside): ${results.rps.toFixed(0)} req/s, p50 ${results.p50} ms, p99 ${results.p99} ms (${CONNECTIONS} connections, ${DURATION_S} s)`,
      `survey: SLO results page, first read after new answers (summarised afresh, ${RESPONSES + 7 + answersGiven(rounds)} responses): ${freshMs.toFixed(0)} ms`,
      `survey: directory search (/schools?q=ysgol) on the same data: ${search.rps.toFixed(0)} req/s, p50 ${search.p50} ms, p99 ${search.p99} ms`,
      `survey: results page / directory search = ${ratio.toFixed(2)}; target within 2x (at least 0.5) -> ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`,
    ];
    if (failed) lines.push(`survey: ${failed} requests failed: the figures above are not valid.`);
    return lines;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const line of await benchSurvey()) console.log(line);
}
