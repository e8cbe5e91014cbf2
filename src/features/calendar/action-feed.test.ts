import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { buildConcernCase } from '../../../test/support/la-factories.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { concernSupportItems } from '../../db/schema/index.ts';

// Issue 13: the personal calendar feed carries the due dates of the actions the person leads.
let t: TestApp;
let practitioner: TestUser, head: TestUser, colleague: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const summaries = (ics: string) => [...unfold(ics).matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!.replace(/\r$/, ''));
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function feedOf(user: TestUser, lang = 'en') {
  const made = await (await as(user)).post(`/account/calendar?lang=${lang}`, {}, { tokenFrom: '/account/calendar' });
  const path = /value="https?:\/\/[^/"]+(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)"/.exec(made.body)![1]!;
  return unfold((await new Visitor(t.app).get(path)).body);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const school = await buildSchool(db, { laCode: '674', name: 'Ysgol y Dderwen' });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: school.number });
  colleague = await buildUser(db, { role: 'practitioner', scopeId: school.number });
  head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  const priority = await buildPriority(db, await buildCycle(db, school.number));
  await buildAction(db, priority.id, {
    description: 'Run the reading audit',
    dueOn: isoIn(7),
    ownerUserId: practitioner.id,
  });
  await buildAction(db, priority.id, {
    description: 'Finished already',
    dueOn: isoIn(8),
    ownerUserId: practitioner.id,
    status: 'done',
  });
  await buildAction(db, priority.id, { description: 'Not a due date yet', ownerUserId: practitioner.id });
  await buildAction(db, priority.id, { description: "A colleague's task", dueOn: isoIn(9), ownerUserId: colleague.id });
  const kase = await buildConcernCase(db, { schoolNumber: school.number, laCode: '674' });
  await db.insert(concernSupportItems).values({
    caseId: kase.id,
    action: 'Confidential coaching detail',
    owner: 'x',
    ownerUserId: head.id,
    reviewOn: isoIn(12),
  });
});
afterAll(() => t.close());

describe('actions in the personal calendar feed', () => {
  it('shows the due dates of actions I lead and still have to do, all day, and no one else’s', async () => {
    const ics = await feedOf(practitioner);
    expect(summaries(ics)).toEqual(['Action due: Run the reading audit']);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${isoIn(7).replace(/-/g, '')}`);
    expect(ics).not.toContain('Finished already');
    expect(ics).not.toContain("A colleague's task");
  });

  it('is written in Welsh when the feed was made in Welsh', async () => {
    expect(summaries(await feedOf(practitioner, 'cy'))).toEqual(['Cam gweithredu yn ddyledus: Run the reading audit']);
  });

  it("names only the school for a concern case's support item, never what it is about", async () => {
    const ics = await feedOf(head);
    expect(summaries(ics)).toContain('Support for a school causing concern due: Ysgol y Dderwen');
    expect(ics).not.toContain('Confidential coaching detail');
  });
});
