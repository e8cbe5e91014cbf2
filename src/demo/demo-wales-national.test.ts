import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie } from '../../test/support/factories.ts';
import { pageText, Visitor } from '../../test/support/http.ts';
import { buildCycle } from '../../test/support/plan-factories.ts';
import { buildSchool } from '../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { localAuthorities, nationalSupportOffers, shares } from '../db/schema/index.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { loadDemoWalesNational } from './demo-wales-national.ts';

let t: TestApp;
let sketch: { number: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const la of await db.select({ code: localAuthorities.code }).from(localAuthorities))
    for (let i = 0; i < 3; i++) await buildSchool(db, { laCode: la.code });
  // A school that already has a cycle this year (as the demo's sketch schools do) is left alone.
  sketch = await buildSchool(db, { laCode: '681' });
  await buildCycle(db, sketch.number, academicYearOf(new Date()));
}, 120_000);
afterAll(() => t.close());

describe('the national demo', () => {
  it('loads quickly and gives the national picture real figures, with support offers and descriptions', async () => {
    const db = t.database.db;
    // buildSchool picks numbers at random and keeps an existing one, so count the schools there are.
    const [eligible] = (
      (await db.execute(sql`select count(*)::int as n from schools s where s.open
      and not exists (select 1 from cycles c where c.school_number = s.number and c.academic_year = ${academicYearOf(new Date())})`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(eligible!.n).toBeGreaterThan(50);
    const started = performance.now();
    const added = await loadDemoWalesNational(db, { now: new Date() } as DemoLaContext);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(added).toBe(eligible!.n);
    const rows = await db.select().from(shares);
    expect(rows.some((s) => s.schoolNumber === sketch.number)).toBe(false);
    expect(new Set(rows.filter((s) => s.audience === 'national').map((s) => s.schoolNumber)).size).toBe(eligible!.n);
    const offers = await db.select().from(nationalSupportOffers);
    expect(offers.find((o) => o.programmeCode === 'facilitating_collaborative_improvement')).toBeTruthy();

    const wg = await buildUser(db, { role: 'wg_official', scopeId: null });
    const visitor = new Visitor(t.app).withCookie(await sessionCookie(db, wg.id));
    const page = await visitor.get('/national');
    expect(page.statusCode).toBe(200);
    const total = /(\d+) schools shared priorities for this selection/.exec(pageText(page.body));
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(5);
    const head = await buildUser(db, { role: 'headteacher', scopeId: sketch.number });
    const published = pageText(
      (await new Visitor(t.app).withCookie(await sessionCookie(db, head.id)).get('/national-priorities')).body,
    );
    expect(published).toContain('Every learner attends school regularly');
    expect(published).toContain('Attendance toolkit for schools');
    expect(published).not.toContain('Wellbeing grant 2023 to 2024');
  }, 120_000);
});
