import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { laPlans } from '../../db/schema/index.ts';
import type { DemoLaContext } from '../../demo/demo-la-context.ts';
import { loadDemoWalesPlans } from '../../demo/demo-wales-plans.ts';

let t: TestApp;
let cardiff: TestUser, swansea: TestUser, newport: TestUser, wg: TestUser;
let roundId: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  cardiff = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  swansea = await buildUser(db, { role: 'la_officer', scopeId: '670' });
  newport = await buildUser(db, { role: 'la_officer', scopeId: '680' });
  wg = await buildUser(db, { role: 'wg_official', scopeId: null, email: 'wg.official@demo.cydwella.cymru' });
  const people = { officer: cardiff.id, emyr: swansea.id } as Record<string, string>;
  // The loader needs only the clock and two officers of the LA demo.
  const ctx = { now: new Date(), c: { people: (key: string) => people[key]! } } as unknown as DemoLaContext;
  roundId = (await loadDemoWalesPlans(db, ctx)).roundId;
});
afterAll(() => t.close());

describe('the LA plans demo', () => {
  it('puts the 22 LAs at every stage of one round', async () => {
    const plans = await t.database.db.select().from(laPlans).where(eq(laPlans.roundId, roundId));
    expect(plans).toHaveLength(22);
    const states = new Set(plans.map((p) => p.state));
    expect([...states].sort()).toEqual(['draft', 'final', 'in_discussion', 'submitted']);
    expect(plans.filter((p) => p.sharedWithLas).map((p) => p.laCode)).toEqual(['670']);
    const board = pageText((await (await as(wg)).get(`/plans/rounds/${roundId}?lang=en`)).body);
    expect(board).toContain('Final: <strong>2</strong>');
    expect(board).toContain('Not started');
    expect(board).toContain('3 sections answered');
  });

  it("shows Cardiff WG's comments to act on, in English and Welsh, and Swansea's shared final plan to another LA", async () => {
    const plan = (await t.database.db.select().from(laPlans).where(eq(laPlans.laCode, '681')))[0]!;
    const page = pageText((await (await as(cardiff)).get(`/local-authorities/681/plan?lang=en`)).body);
    expect(page).toContain('In discussion');
    expect(page).toContain('1 comment');
    const section = (await (await as(cardiff)).get(`/plans/${plan.id}?lang=en`)).body;
    expect(section).toContain('Submit the revised plan');
    const swanseaPlan = (await t.database.db.select().from(laPlans).where(eq(laPlans.laCode, '670')))[0]!;
    const list = pageText((await (await as(newport)).get('/plans?lang=cy')).body);
    expect(list).toContain(`/plans/${swanseaPlan.id}`);
    expect(list).toContain('Abertawe');
    const read = pageText((await (await as(newport)).get(`/plans/${swanseaPlan.id}?lang=cy`)).body);
    expect(read).toContain('Terfynol');
  });
});
