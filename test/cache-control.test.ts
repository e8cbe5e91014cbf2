// Issue 11: no page or file about a person may be kept by a browser or a shared proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments } from '../src/db/schema/index.ts';
import { loadDemoSchoolCycle } from '../src/demo/demo-school-cycle.ts';
import { isStaticPath } from '../src/plugins/static-paths.ts';
import { sessionCookie } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { fillPath } from './support/route-params.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
  await loadDemoSchoolCycle(
    t.database.db,
    school.number,
    {
      headteacher: people.headteacher.id,
      leader: people.leader.id,
      practitioner: people.practitioner.id,
      governor: people.governor.id,
    },
    new Date(),
  );
  // One person who reaches as many pages as possible: the school's head is also admin, LA officer and WG.
  await t.database.db.insert(roleAssignments).values([
    { userId: people.headteacher.id, role: 'administrator', scopeType: 'platform', scopeId: null },
    { userId: people.headteacher.id, role: 'la_officer', scopeType: 'la', scopeId: '681' },
    { userId: people.headteacher.id, role: 'wg_official', scopeType: 'national', scopeId: null },
  ]);
}, 120_000);
afterAll(() => t.close());

const signedIn = async () => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, people.headteacher.id));
const noStore = (response: { headers: Record<string, unknown> }) => String(response.headers['cache-control'] ?? '');

describe('Cache-Control', () => {
  it('is no-store on every page a signed-in person can ask for, and on anonymous ones, whatever the status', async () => {
    const params = { number: school.number, code: '681' };
    const missing: string[] = [];
    const statuses = new Set<number>();
    for (const cookie of [true, false]) {
      const visitor = cookie ? await signedIn() : new Visitor(t.app);
      for (const route of t.app.routeRegistry.filter((r) => r.method === 'GET' && !isStaticPath(r.url))) {
        const url = fillPath(route.url, params);
        const response = await visitor.get(url);
        statuses.add(response.statusCode);
        if (!/\bno-store\b/.test(noStore(response)))
          missing.push(`${url} (${response.statusCode}): ${noStore(response) || 'none'}`);
      }
    }
    expect(missing).toEqual([]);
    // The walk met pages, redirects to sign in, API refusals and missing records alike (bad input: below).
    expect([...statuses]).toEqual(expect.arrayContaining([200, 303, 401, 404]));
  }, 120_000);

  it('is no-store on PDF, Word, CSV and calendar downloads', async () => {
    const visitor = await signedIn();
    const downloads = [
      [`/schools/${school.number}/outputs/self-evaluation.pdf?language=en`, 'application/pdf'],
      [
        `/schools/${school.number}/outputs/progress.docx?language=cy`,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['/national/data.csv', 'text/csv; charset=utf-8'],
    ] as const;
    for (const [url, type] of downloads) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe(type);
      expect(noStore(response), url).toMatch(/\bno-store\b/);
    }
    const made = await visitor.post('/account/calendar', {}, { tokenFrom: '/account/calendar' });
    const feed = /(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)/.exec(made.body)![1]!;
    const calendar = await new Visitor(t.app).get(feed);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(noStore(calendar)).toMatch(/\bno-store\b/);
  }, 60_000);

  it('is no-store on error pages: bad input, too many requests, and a failed form', async () => {
    const visitor = await signedIn();
    const bad = await visitor.get('/admin/users?page=abc');
    expect(bad.statusCode).toBe(400);
    expect(noStore(bad)).toBe('no-store');
    const forged = await visitor.post('/account/password', {}, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(noStore(forged)).toBe('no-store');
    const limited = await createTestApp({ database: t.database, env: { RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      await limited.app.inject('/privacy');
      const tooMany = await limited.app.inject('/privacy');
      expect(tooMany.statusCode).toBe(429);
      expect(noStore(tooMany)).toBe('no-store');
    } finally {
      await limited.app.close();
    }
  });

  it('leaves public static files cacheable', async () => {
    for (const url of ['/static/app.js', '/static/favicon.svg', '/assets/images/favicon.svg']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(noStore(response), url).toMatch(/max-age=\d+/);
      expect(noStore(response), url).not.toContain('no-store');
    }
  });
});
