// The personal feed also carries the deadlines and review dates that concern its reader, and only
// theirs: an LA's plan deadline for its officers, a concern case's review dates for its restricted people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernSupportItems } from '../../db/schema/index.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { buildConcernCase, buildLaPlan, buildRound } from '../../../test/support/la-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let people: SchoolPeople;
let chair: TestUser;
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const summaries = (ics: string) => [...unfold(ics).matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!.replace(/\r$/, ''));

async function feedOf(user: { id: string }, lang = 'en') {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  const made = await visitor.post(`/account/calendar?lang=${lang}`, {}, { tokenFrom: '/account/calendar' });
  const path = /value="https?:\/\/[^/"]+(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)"/.exec(made.body)![1]!;
  const feed = await t.app.inject({ method: 'GET', url: path });
  expect(feed.statusCode).toBe(200);
  return feed.body;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const school = await buildSchool(db, { laCode: '672', name: 'Ysgol Bryn' });
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  const round = await buildRound(db, { titleEn: 'LA plans 2027', deadline: isoIn(20) });
  await buildLaPlan(db, { roundId: round.id, laCode: '672' });
  await buildLaPlan(db, { roundId: round.id, laCode: '660' });
  const concern = await buildConcernCase(db, { schoolNumber: school.number, laCode: '672' });
  await db.insert(concernSupportItems).values([
    { caseId: concern.id, action: 'Literacy support plan', reviewOn: isoIn(5) },
    { caseId: concern.id, action: 'Finished', reviewOn: isoIn(6), status: 'done' },
  ]);
});
afterAll(() => t?.close());

describe('deadlines and review dates in the personal feed', () => {
  it('gives the LA’s officer the plan deadline and the case review, in the feed’s language', async () => {
    expect(summaries(await feedOf(people.laOfficer))).toEqual([
      'Concern case review: Ysgol Bryn',
      'LA plan deadline: LA plans 2027',
    ]);
    expect(summaries(await feedOf(people.laOfficer, 'cy'))).toEqual([
      'Adolygiad achos pryder: Ysgol Bryn',
      'Dyddiad cau cynllun ALl: Cynlluniau ALl: LA plans 2027',
    ]);
  });

  it('gives the headteacher and chair the review date only, and keeps what the case is about out of the feed', async () => {
    for (const reader of [people.headteacher, chair]) {
      const feed = await feedOf(reader);
      expect(summaries(feed)).toEqual(['Concern case review: Ysgol Bryn']);
      expect(feed).not.toContain('Literacy support plan');
    }
  });

  it('gives nothing to anyone outside the case and the LA', async () => {
    for (const reader of [people.governor, people.leader, people.practitioner, people.otherHeadteacher])
      expect(summaries(await feedOf(reader))).toEqual([]);
    // Another LA's officer: their own LA's deadline, never this LA's case.
    expect(summaries(await feedOf(people.otherLaOfficer))).toEqual(['LA plan deadline: LA plans 2027']);
  });
});
