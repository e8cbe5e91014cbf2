// The app reads the time only from the clock buildApp is given (src/lib/clock.ts), so a test can
// move the day and watch what a person sees change, instead of back-dating rows in SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../src/lib/clock.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { buildAdministrator, sessionCookie, TEST_PASSWORD } from './support/factories.ts';
import { pageText, Visitor } from './support/http.ts';
import { buildAction, buildCycle, buildPriority } from './support/plan-factories.ts';
import { buildSchool, buildSchoolPeople } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A winter morning years away from any real date the suite runs on: nothing here can pass by luck.
const clock = settableClock('2031-01-10T09:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

/** Signed in now, by the app's clock (a session made by the real clock would be years idle). */
const visitorAsOf = async (userId: string) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, userId, clock.now()));

/** The school home's "Actions due soon or overdue" list: each row's tag, then its words. */
const dueList = (html: string): string[] => {
  const section = html.slice(html.indexOf('Actions due soon or overdue'));
  const list = section.slice(0, section.indexOf('</ul>'));
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    pageText(m[1]!.replace(/<[^>]+>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim(),
  );
};

describe('the clock', () => {
  it('turns an action overdue on the school home once the day passes its due date', async () => {
    clock.set('2031-01-10T09:00:00Z');
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    const cycle = await buildCycle(t.database.db, school.number, academicYearOf(clock.now()));
    const priority = await buildPriority(t.database.db, cycle, { title: 'Reading for pleasure' });
    await buildAction(t.database.db, priority.id, { description: 'Restock the class libraries', dueOn: '2031-01-20' });
    await buildAction(t.database.db, priority.id, { description: 'Survey learners on reading', dueOn: '2031-03-30' });

    const before = await (await visitorAsOf(people.headteacher.id)).get(`/schools/${school.number}/home?lang=en`);
    expect(before.statusCode).toBe(200);
    // Ten days ahead it is due soon; the March action is beyond the 30 days the page looks ahead.
    expect(dueList(before.body)).toEqual([
      expect.stringMatching(/^Due soon Restock the class libraries \(due 20 January 2031/),
    ]);

    clock.advanceDays(11); // 21 January: the 20th has gone
    const after = await (await visitorAsOf(people.headteacher.id)).get(`/schools/${school.number}/home?lang=en`);
    expect(dueList(after.body)).toEqual([expect.stringMatching(/^Overdue Restock the class libraries/)]);

    clock.set('2031-03-05T09:00:00Z'); // within 30 days of the survey's due date
    const march = await (await visitorAsOf(people.headteacher.id)).get(`/schools/${school.number}/home?lang=en`);
    expect(dueList(march.body)).toEqual([
      expect.stringMatching(/^Overdue Restock the class libraries/),
      expect.stringMatching(/^Due soon Survey learners on reading/),
    ]);
  });

  it('ends a session that has been idle longer than the limit, and keeps one that has not', async () => {
    clock.set('2031-02-01T08:00:00Z');
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    const browser = new Visitor(t.app);
    const signIn = await browser.post('/sign-in', {
      email: people.headteacher.email,
      password: TEST_PASSWORD,
      next: '/account',
    });
    expect(signIn.statusCode).toBe(303);

    clock.advance(59 * 60_000); // under the 60-minute idle limit
    expect((await browser.get('/account?lang=en')).statusCode).toBe(200);

    clock.advance(61 * 60_000); // idle again, now past the limit
    const expired = await browser.get('/account?lang=en');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toMatch(/^\/sign-in\?next=/);
    expect(browser.cookies.cyd_session).toBeUndefined();
  });

  it('refuses a set-password link once its week has passed', async () => {
    clock.set('2031-04-01T10:00:00Z');
    const admin = await buildAdministrator(t.database.db);
    const adminBrowser = await visitorAsOf(admin.id);
    const created = await adminBrowser.post('/admin/users', {
      displayName: 'Megan Clock',
      email: 'megan.clock@example.test',
      preferredLanguage: 'en',
      role: 'la_officer',
      scopeId: '670',
    });
    expect(created.statusCode).toBe(201);
    const link = /\/set-password\/[A-Za-z0-9_-]{43}/.exec(created.body)![0];

    clock.advanceDays(6);
    expect((await new Visitor(t.app).get(`${link}?lang=en`)).statusCode).toBe(200);
    clock.advanceDays(2); // eight days after it was issued
    expect((await new Visitor(t.app).get(`${link}?lang=en`)).statusCode).toBe(404);
  });
});
