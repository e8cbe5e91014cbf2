import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { academicYearOf, type Audience } from '../../reference/reference-data.ts';

let t: TestApp;
let wg: TestUser, officer: TestUser, headteacher: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

async function sharingSchool(
  la: string,
  audience: Audience,
  values: { nifTheme: string; nationalPriorities: string[]; state?: string },
) {
  const db = t.database.db;
  const school = await buildSchool(db, { laCode: la, sector: 'primary' });
  const cycle = await buildCycle(db, school.number);
  const priority = await buildPriority(db, cycle, { state: 'agreed', ...values });
  await share(db, school.number, 'priority', priority.id, audience);
  return school;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (let i = 0; i < 7; i++)
    await sharingSchool('660', 'national', { nifTheme: 'wellbeing_equity', nationalPriorities: ['wellbeing'] });
  for (let i = 0; i < 6; i++)
    await sharingSchool('661', 'public', { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] });
  await sharingSchool('662', 'national', { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] });
  // Never counted: shared with the LA only, or a draft shared nationally.
  for (let i = 0; i < 5; i++)
    await sharingSchool('663', 'la', { nifTheme: 'vision_leadership', nationalPriorities: ['attendance'] });
  for (let i = 0; i < 5; i++)
    await sharingSchool('664', 'national', {
      nifTheme: 'vision_leadership',
      nationalPriorities: ['attendance'],
      state: 'draft',
    });
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '660' });
  headteacher = await buildUser(db, { role: 'headteacher', scopeId: '6601234' });
}, 120_000);
afterAll(() => t.close());

describe('the national picture', () => {
  it('shows WG the schools that shared at national level or wider, hiding small groups, in English and Welsh', async () => {
    const visitor = await as(wg);
    const page = await visitor.get('/national');
    expect(page.statusCode, pageText(page.body).slice(0, 1500)).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('14 schools shared priorities for this selection');
    expect(text).toContain('[c]');
    expect(text).not.toContain('Vision and leadership 5');
    const cy = pageText((await visitor.get('/national?lang=cy')).body);
    expect(cy).toContain('Y darlun cenedlaethol');
    expect(cy).toContain('Rhannodd 14 ysgol flaenoriaethau');
  }, 60_000);

  it('narrows to an LA with filters, from the same figures', async () => {
    const visitor = await as(wg);
    const page = await visitor.get('/national?la=660');
    expect(pageText(page.body)).toContain('7 schools shared priorities for this selection');
    const small = await visitor.get('/national?la=662');
    expect(pageText(small.body)).toContain('The number of schools for this selection is not shown');
  }, 60_000);

  it('refuses everyone but WG', async () => {
    expect((await (await as(officer)).get('/national')).statusCode).toBe(403);
    expect((await (await as(headteacher)).get('/national')).statusCode).toBe(403);
  });
});

describe('open data', () => {
  it('downloads as CSV with a BOM, codes and both languages, hidden figures as [c], to anyone', async () => {
    const response = await new Visitor(t.app).get(`/national/data.csv?year=${academicYearOf(new Date())}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const lines = response.body.slice(1).split('\r\n');
    expect(lines[0]).toContain('academicYear,level,la,laNameEn,laNameCy');
    const row = (la: string) =>
      lines.find((l) => l.includes(`,la,${la},`) && l.includes(',*,All,Pob un,*,All,Pob un,*,All,Pob un,'))!;
    expect(row('660').endsWith(',7')).toBe(true);
    expect(row('662').endsWith(',[c]')).toBe(true);
    expect(lines.some((l) => l.includes(',663,') && /,[1-9]\d*$/.test(l))).toBe(false);
    expect(lines.some((l) => l.includes(',664,') && /,[1-9]\d*$/.test(l))).toBe(false);
  }, 60_000);

  it('serves the same figures as JSON and from the stable API', async () => {
    for (const url of ['/national/data.json', '/api/v1/national-picture']) {
      const response = await new Visitor(t.app).get(url);
      expect(response.statusCode).toBe(200);
      const body = JSON.parse(response.body) as {
        threshold: number;
        items: {
          level: string;
          la: string;
          phase: string;
          theme: string;
          nationalPriority: string;
          schools: number | null;
          laNameCy: string;
        }[];
      };
      expect(body.threshold).toBe(5);
      const wales = body.items.filter(
        (i) => i.level === 'wales' && i.phase === '*' && i.theme === '*' && i.nationalPriority === '*',
      );
      expect(wales.some((i) => i.schools === 14)).toBe(true);
      const la = (code: string) =>
        body.items.find(
          (i) =>
            i.level === 'la' &&
            i.la === code &&
            i.phase === '*' &&
            i.theme === '*' &&
            i.nationalPriority === '*' &&
            i.schools !== 0,
        );
      expect(la('662')?.schools ?? null).toBeNull();
      expect(body.items.every((i) => i.schools === null || i.schools === 0 || i.schools >= 5)).toBe(true);
    }
  }, 60_000);
});
