import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { roleAssignments } from '../../db/schema/index.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
type School = Awaited<ReturnType<typeof buildSchool>>;
let a: School, b: School;
let head: TestUser, twoSchools: TestUser, governor: TestUser, officer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await buildSchool(db, { name: 'Ysgol Alffa' });
  b = await buildSchool(db, { name: 'Ysgol Beta' });
  head = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  twoSchools = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  await db
    .insert(roleAssignments)
    .values({ userId: twoSchools.id, role: 'practitioner', scopeType: 'school', scopeId: b.number });
  governor = await buildUser(db, { role: 'governor', scopeId: `GB${b.number}` });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
}, 60_000);
afterAll(() => t?.close());

describe('your schools, from the menu', () => {
  it("links a headteacher's menu straight to their school's area, before the directory", async () => {
    const html = (await (await as(head)).get('/')).body;
    const nav = html.slice(html.indexOf('govuk-service-navigation__list'));
    expect(nav).toContain(`href="/schools/${a.number}/home"`);
    expect(nav.indexOf('Your school')).toBeGreaterThan(0);
    expect(nav.indexOf('Your school')).toBeLessThan(nav.indexOf('href="/schools"'));
    const cy = (await (await as(head)).get('/?lang=cy')).body;
    expect(cy).toContain('Eich ysgol');
  });

  it('lists both schools of someone who works in two, in English and Welsh', async () => {
    const visitor = await as(twoSchools);
    expect((await visitor.get('/')).body).toContain('href="/your-schools"');
    const page = await visitor.get('/your-schools');
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Ysgol Alffa');
    expect(pageText(page.body)).toContain('Ysgol Beta');
    expect(pageText((await visitor.get('/your-schools?lang=cy')).body)).toContain('Eich ysgolion');
  });

  it('takes a governor to the school they govern', async () => {
    const page = await (await as(governor)).get('/your-schools');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/schools/${b.number}/home`);
  });

  it('gives someone with no school of their own no such item, and an empty list', async () => {
    const visitor = await as(officer);
    const home = (await visitor.get('/')).body;
    expect(home).not.toContain('href="/your-schools"');
    expect(home).toContain('href="/local-authorities/681/overview"');
    expect(pageText((await visitor.get('/your-schools')).body)).toContain('You do not work in or govern a school');
  });
});
