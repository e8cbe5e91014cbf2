// Issue 18, parts 1 and 4: this year's SLO results beside last year's closed survey, under the same
// rule of 5, on the results page and the school home (for those who read results only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { buildSloSurvey, YEAR_MS } from '../../../test/support/slo-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let people: SchoolPeople;
let school: Awaited<ReturnType<typeof buildSchool>>;
let few: Awaited<ReturnType<typeof buildSchool>>;
let fewHead: TestUser;
const now = new Date();
const year = academicYearOf(now);
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const homeOf = (number: string) => `/schools/${number}/home`;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
  few = await buildSchool(t.database.db, { laCode: '681' });
  fewHead = await buildUser(t.database.db, { role: 'headteacher', scopeId: few.number });
});
afterAll(() => t.close());

describe('SLO results year on year', () => {
  it('shows each dimension and statement beside last year, and the change', async () => {
    const last = await buildSloSurvey(t.database.db, {
      schoolNumber: school.number,
      headteacherId: people.headteacher.id,
      at: new Date(now.getTime() - YEAR_MS),
      answers: ['4', '4', '2', '2', '2', '2'],
      close: true,
    });
    const current = await buildSloSurvey(t.database.db, {
      schoolNumber: school.number,
      headteacherId: people.headteacher.id,
      at: now,
      answers: ['5', '4', '4', '2', '4'],
      close: false,
    });
    const page = pageText(
      (await (await as(people.headteacher)).get(`/schools/${school.number}/surveys/${current.id}`)).body,
    );
    expect(page).toContain(`Last year, ${year - 1} to ${year}`);
    expect(page).toContain('Beside last year');
    expect(page).toContain('33% (of 6)');
    expect(page).toContain('80% agree or strongly agree (of 5 who gave a view)');
    expect(page).toContain('Up 47 points on last year');
    expect(page).toContain(`/schools/${school.number}/surveys/${last.id}`);
  });

  it('puts the panel on the school home for leaders only, this year beside last', async () => {
    const home = pageText((await (await as(people.headteacher)).get(homeOf(school.number))).body);
    expect(home).toContain('Staff survey: schools as learning organisations');
    expect(home).toMatch(/Shared and inclusive vision[^<]*<\/th>\s*<td[^>]*>80%<\/td>\s*<td[^>]*>33%<\/td>/i);
    for (const user of [people.practitioner, people.governor, people.laOfficer]) {
      const other = await (await as(user)).get(homeOf(school.number));
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain('data-testid="slo-home"');
    }
  });

  it('shows no figure of a year with fewer than 5 responses, and a kind line when there is no survey', async () => {
    const fewHome = await as(fewHead);
    expect(pageText((await fewHome.get(homeOf(few.number))).body)).toContain(
      'No SLO staff survey has been run this year or last year.',
    );
    await buildSloSurvey(t.database.db, {
      schoolNumber: few.number,
      headteacherId: fewHead.id,
      at: new Date(now.getTime() - YEAR_MS),
      answers: ['5', '5', '5'],
      close: true,
    });
    const current = await buildSloSurvey(t.database.db, {
      schoolNumber: few.number,
      headteacherId: fewHead.id,
      at: now,
      answers: ['4', '4', '4', '4', '4'],
      close: false,
    });
    const page = pageText((await fewHome.get(`/schools/${few.number}/surveys/${current.id}`)).body);
    expect(page).toContain("Last year's figures are not shown: fewer than 5 people answered.");
    expect(page).not.toContain('% (of 3)');
    const home = pageText((await fewHome.get(homeOf(few.number))).body);
    expect(home).toMatch(/<td[^>]*>100%<\/td>\s*<td[^>]*>not shown<\/td>/);
  });
});
