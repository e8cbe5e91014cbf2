import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// What WG publishes tells every headteacher and LA officer in Wales, and nobody else.
let t: TestApp;
let wg: TestUser, otherWg: TestUser, headNorth: TestUser, headSouth: TestUser, officer: TestUser;
let practitioner: TestUser, governor: TestUser, partner: TestUser, inactiveHead: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const date = { 'publishedOn-day': '1', 'publishedOn-month': '9', 'publishedOn-year': '2025' };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const north = await buildSchool(db, { laCode: '661' });
  const south = await buildSchool(db, { laCode: '681' });
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
  otherWg = await buildUser(db, { role: 'wg_official', scopeId: null });
  headNorth = await buildUser(db, { role: 'headteacher', scopeId: north.number });
  headSouth = await buildUser(db, { role: 'headteacher', scopeId: south.number });
  inactiveHead = await buildUser(db, { role: 'headteacher', scopeId: south.number, active: false });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: north.number });
  governor = await buildUser(db, { role: 'governor', scopeId: north.governingBodyId });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
});
afterAll(() => t.close());

async function expectEveryHeadAndOfficer(kind: string) {
  const told = toldOf(await relayAll(t.database.db), kind);
  expect([...told.keys()].sort()).toEqual([headNorth.id, headSouth.id, officer.id].sort());
  expect(told.get(headNorth.id)).toBe('/national-priorities');
  for (const other of [wg, otherWg, practitioner, governor, partner, inactiveHead])
    expect(told.has(other.id)).toBe(false);
}

describe('national publication notifications', () => {
  it('tells every headteacher and LA officer of a national priority published', async () => {
    const response = await (
      await as(wg)
    ).post(
      '/national/priorities',
      {
        code: 'early_years',
        nameEn: 'Early years',
        nameCy: 'Y blynyddoedd cynnar',
        descriptionEn: 'A strong start.',
        descriptionCy: 'Dechrau cadarn.',
        ...date,
      },
      { tokenFrom: '/national/priorities/new' },
    );
    expect(response.statusCode).toBe(303);
    await expectEveryHeadAndOfficer('national_priorities_published');
  });

  it('tells them of national support published', async () => {
    const response = await (
      await as(wg)
    ).post(
      '/national/support',
      {
        kind: 'professional_learning',
        titleEn: 'Early years pedagogy',
        titleCy: 'Addysgeg y blynyddoedd cynnar',
        descriptionEn: 'Six sessions.',
        descriptionCy: 'Chwe sesiwn.',
        nationalPriorities: ['early_years'],
        programmeCode: 'facilitating_collaborative_improvement',
        url: 'https://example.wales/early',
        ...date,
      },
      { tokenFrom: '/national/support/new' },
    );
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    await expectEveryHeadAndOfficer('national_support_published');
  });
});
