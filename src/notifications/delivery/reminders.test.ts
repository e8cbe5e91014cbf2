// The daily reminder scan: what it finds, who it names (concern cases: restricted people only), and
// that it records each reminder once however often it runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { concernSupportItems, developmentPlans, events, planRevisions } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { buildUser } from '../../../test/support/factories.ts';
import { buildConcernCase, buildLaPlan, buildRound } from '../../../test/support/la-factories.ts';
import { buildSchool, buildSchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { scanReminders } from './delivery-jobs.ts';

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

const recorded = async () =>
  (await database.db.select().from(events)).map((e) => ({
    kind: e.kind,
    subject: e.subjectId,
    link: e.link,
    audience: [...e.audience].sort(),
    params: e.params,
  }));

describe('the daily reminder scan', () => {
  it('reminds an LA’s officers of a plan not yet submitted when the deadline is within a week, once', async () => {
    const db = database.db;
    const clock = settableClock('2026-10-26T06:00:00Z');
    const officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
    const otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: '660' });
    await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
    const round = await buildRound(db, { titleEn: 'Plans 2027', deadline: '2026-10-31' });
    const draft = await buildLaPlan(db, { roundId: round.id, laCode: '681' });
    await buildLaPlan(db, { roundId: round.id, laCode: '660', state: 'submitted' });
    const later = await buildRound(db, { titleEn: 'Plans 2028', deadline: '2026-11-20' });
    await buildLaPlan(db, { roundId: later.id, laCode: '681' });

    expect(await scanReminders({ database, clock })).toBe(1);
    expect(await recorded()).toEqual([
      {
        kind: 'plan_round_deadline_near',
        subject: `${draft.id}:2026-10-31`,
        link: `/plans/${draft.id}`,
        audience: [officer.id],
        params: { title: 'Plans 2027 / Cynlluniau ALl: Plans 2027', date: '2026-10-31' },
      },
    ]);
    expect((await recorded())[0]!.audience).not.toContain(otherOfficer.id);

    clock.advanceDays(1);
    expect(await scanReminders({ database, clock })).toBe(0);
    expect(await recorded()).toHaveLength(1);
  });

  it('reminds only a concern case’s restricted people of its review date', async () => {
    const db = database.db;
    const clock = settableClock('2026-03-02T08:00:00Z');
    const school = await buildSchool(db, { laCode: '681', name: 'Ysgol y Graig' });
    const people = await buildSchoolPeople(db, school);
    const chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
    await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
    const concern = await buildConcernCase(db, { schoolNumber: school.number, laCode: '681' });
    await db.insert(concernSupportItems).values([
      { caseId: concern.id, action: 'Literacy support', reviewOn: '2026-03-06' },
      { caseId: concern.id, action: 'Attendance', reviewOn: '2026-03-04' },
      { caseId: concern.id, action: 'Done already', reviewOn: '2026-03-03', status: 'done' },
      { caseId: concern.id, action: 'Far off', reviewOn: '2026-04-30' },
    ]);
    const distant = await buildConcernCase(db, { schoolNumber: school.number, laCode: '681' });
    await db.insert(concernSupportItems).values({ caseId: distant.id, action: 'Later', reviewOn: '2026-05-01' });

    expect(await scanReminders({ database, clock })).toBe(1);
    const [reminder] = await recorded();
    expect(reminder).toEqual({
      kind: 'concern_review_due',
      subject: `${concern.id}:2026-03-04`,
      link: `/concern-cases/${concern.id}`,
      audience: [people.laOfficer.id, people.headteacher.id, chair.id].sort(),
      params: { title: 'Ysgol y Graig', date: '2026-03-04' },
    });
    for (const outsider of [
      people.governor,
      people.leader,
      people.practitioner,
      people.otherHeadteacher,
      people.otherLaOfficer,
      people.otherGovernor,
    ])
      expect(reminder!.audience).not.toContain(outsider.id);
    expect(await scanReminders({ database, clock })).toBe(0);
  });

  it('reminds the governors of a revision waiting for approval for a week, once a week', async () => {
    const db = database.db;
    const clock = settableClock('2026-05-10T08:00:00Z');
    const school = await buildSchool(db, { laCode: '681', name: 'Ysgol Glan' });
    const people = await buildSchoolPeople(db, school);
    const chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
    const [plan] = await db
      .insert(developmentPlans)
      .values({ schoolNumber: school.number, firstYear: 2025 })
      .returning();
    await db.insert(planRevisions).values([
      { planId: plan!.id, number: 1, academicYear: 2025, snapshot: {}, createdAt: new Date('2026-04-01T10:00:00Z') },
      { planId: plan!.id, number: 2, academicYear: 2025, snapshot: {}, createdAt: new Date('2026-05-01T10:00:00Z') },
    ]);

    expect(await scanReminders({ database, clock })).toBe(1);
    const [reminder] = await recorded();
    expect(reminder).toMatchObject({
      kind: 'approval_waiting',
      link: `/schools/${school.number}/plan/revisions/2`,
      audience: [people.governor.id, chair.id].sort(),
      params: { school: 'Ysgol Glan', number: '2', date: '2026-05-01' },
    });
    clock.advanceDays(3);
    expect(await scanReminders({ database, clock })).toBe(0);
    clock.advanceDays(5);
    expect(await scanReminders({ database, clock })).toBe(1);
  });

  it('says nothing of a revision made less than a week ago', async () => {
    const db = database.db;
    const clock = settableClock('2026-05-05T08:00:00Z');
    const school = await buildSchool(db, { laCode: '681' });
    await buildSchoolPeople(db, school);
    const [plan] = await db
      .insert(developmentPlans)
      .values({ schoolNumber: school.number, firstYear: 2025 })
      .returning();
    await db
      .insert(planRevisions)
      .values({ planId: plan!.id, number: 1, academicYear: 2025, snapshot: {}, createdAt: new Date('2026-05-01') });
    expect(await scanReminders({ database, clock })).toBe(0);
  });
});
