import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { laPlans, planTemplateSections } from '../../db/schema/index.ts';

// A planning round tells each LA's officers; a submitted plan tells WG; WG's comments, sending back
// and marking final tell the LA's staff. Another LA never hears of a plan not its own.
let t: TestApp;
let wg: TestUser, officer: TestUser, secondOfficer: TestUser, partner: TestUser, swansea: TestUser, head: TestUser;
let planId: string, sectionId: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const NEXT_YEAR = String(new Date().getFullYear() + 1);
const post = async (user: TestUser, url: string, body: Record<string, string>, from = url) => {
  const response = await (await as(user)).post(url, body, { tokenFrom: from });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  secondOfficer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
  swansea = await buildUser(db, { role: 'la_officer', scopeId: '670' });
  head = await buildUser(db, { role: 'headteacher', scopeId: '6812308' });
});
afterAll(() => t.close());

describe('LA plan notifications', () => {
  it('tells every LA’s officers of a round opened, each with its own plan', async () => {
    await post(
      wg,
      '/plans/rounds',
      {
        titleEn: 'LA plans 2026',
        titleCy: 'Cynlluniau ALl 2026',
        'deadline-day': '31',
        'deadline-month': '10',
        'deadline-year': NEXT_YEAR,
      },
      '/plans/rounds/new',
    );
    const [plan] = await t.database.db.select().from(laPlans).where(eq(laPlans.laCode, '681'));
    planId = plan!.id;
    const [swanseaPlan] = await t.database.db
      .select()
      .from(laPlans)
      .where(and(eq(laPlans.laCode, '670'), eq(laPlans.roundId, plan!.roundId)));
    sectionId = (
      await t.database.db.select().from(planTemplateSections).where(eq(planTemplateSections.roundId, plan!.roundId))
    )[0]!.id;
    const told = await relayAll(t.database.db);
    const opened = toldOf(told, 'plan_round_opened');
    expect([...opened.keys()].sort()).toEqual([officer.id, secondOfficer.id, swansea.id].sort());
    expect(opened.get(officer.id)).toBe(`/plans/${planId}`);
    expect(opened.get(swansea.id)).toBe(`/plans/${swanseaPlan!.id}`);
    expect(told.find((n) => n.userId === officer.id)!.params).toMatchObject({
      round: 'LA plans 2026',
      roundCy: 'Cynlluniau ALl 2026',
      la: 'Cardiff',
      laCy: 'Caerdydd',
    });
    for (const other of [wg, partner, head]) expect(opened.has(other.id)).toBe(false);
  });

  it('tells WG of a plan submitted, and not the LA’s own staff or another LA', async () => {
    await post(officer, `/plans/${planId}/submit`, {});
    const submitted = toldOf(await relayAll(t.database.db), 'plan_submitted');
    expect([...submitted.keys()]).toEqual([wg.id]);
  });

  it('tells the LA’s staff of WG’s comments, sending back and marking final, never another LA', async () => {
    const section = `/plans/${planId}/sections/${sectionId}`;
    await post(wg, `${section}/comments`, { comment: 'Say how special schools are included.' }, section);
    await post(wg, `/plans/${planId}/send-back`, {});
    const told = await relayAll(t.database.db);
    for (const kind of ['plan_comments_sent', 'plan_sent_back']) {
      const staff = toldOf(told, kind);
      expect([...staff.keys()].sort(), kind).toEqual([officer.id, secondOfficer.id, partner.id].sort());
      expect(staff.get(partner.id)).toBe(`/plans/${planId}`);
    }
    await post(officer, `/plans/${planId}/submit`, {});
    await post(wg, `/plans/${planId}/final`, {});
    const final = toldOf(await relayAll(t.database.db), 'plan_marked_final');
    expect([...final.keys()].sort()).toEqual([officer.id, secondOfficer.id, partner.id].sort());
    expect(final.has(swansea.id)).toBe(false);
    expect(final.has(wg.id)).toBe(false);
  });
});
