// Issue 13: a person hears when an action becomes theirs (each of the four kinds of action), and the
// daily scan reminds them when it falls due and when it is overdue; a concern case's support item
// is never quoted; nobody is told twice or of their own choice.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie } from '../../test/support/factories.ts';
import { pageText, Visitor } from '../../test/support/http.ts';
import { buildConcernCase } from '../../test/support/la-factories.ts';
import { relayAll } from '../../test/support/notification-helpers.ts';
import { buildAction, buildCycle, buildPriority } from '../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import {
  concernSupportItems,
  events,
  laCycles,
  laPriorities,
  meetingActions,
  meetings,
  planActions,
} from '../db/schema/index.ts';
import { settableClock } from '../lib/clock.ts';
import { academicYearOf } from '../reference/reference-data.ts';
import { addSupportItem, updateSupportItem } from '../features/concern/concern-service.ts';
import { addAction, editAction } from '../features/development-plan/action-service.ts';
import { EMPTY_ACTION_FORM } from '../features/development-plan/action-form.ts';
import { saveAction } from '../features/la-self-evaluation/plan-service.ts';
import { addAction as addMeetingAction } from '../features/meetings/action-service.ts';
import { dateToParts } from '../lib/govuk-date-input.ts';
import { scanReminderEvents } from './delivery/reminder-service.ts';
import type { Person } from '../features/action-owners/owner-choice.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let priority: Awaited<ReturnType<typeof buildPriority>>;
const TODAY = '2027-01-20';
const clock = settableClock(`${TODAY}T10:00:00Z`);
const as = async (user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, t.clock.now()));
const person = (u: { id: string }): Person => ({ id: u.id, displayName: `Person ${u.id.slice(0, 4)}` });
const relay = () => relayAll(t.database.db, t.clock.now());
const inbox = async (user: { id: string }, lang: 'en' | 'cy') =>
  pageText((await (await as(user)).get(`/notifications?lang=${lang}`)).body);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db, { name: 'Ysgol y Dderwen' });
  people = await buildSchoolPeople(db, school);
  priority = await buildPriority(db, await buildCycle(db, school.number), { title: 'Reading for all' });
});
afterAll(() => t.close());

describe('an action given to a person', () => {
  it('tells them once, with the action and the school, in both languages; the same owner again tells nobody', async () => {
    const db = t.database.db;
    const { leader, practitioner } = people;
    const staff = [person(leader), person(practitioner)];
    const form = {
      ...EMPTY_ACTION_FORM,
      description: 'Run a reading audit across every class',
      ownerUserId: practitioner.id,
      dueOn: dateToParts('2027-02-28'),
    };
    const added = await addAction(db, leader.id, priority, form, staff, 'en', {
      collaboratives: [],
      now: t.clock.now(),
    });
    expect(added.ok).toBe(true);
    const told = await relay();
    expect(told).toEqual([
      {
        userId: practitioner.id,
        kind: 'action_assigned',
        link: `/schools/${school.number}/plan#priority-${priority.id}`,
        params: { action: 'Run a reading audit across every class', place: 'Ysgol y Dderwen' },
      },
    ]);
    expect(await inbox(practitioner, 'en')).toContain(
      'You have been asked to lead an action: “Run a reading audit across every class” (Ysgol y Dderwen)',
    );
    expect(await inbox(practitioner, 'cy')).toContain(
      'Gofynnwyd i chi arwain cam gweithredu: “Run a reading audit across every class” (Ysgol y Dderwen)',
    );

    // Saved again with the same owner (a new due date): nobody is told again.
    const action = added.ok ? added.action : null;
    const again = await editAction(
      db,
      leader.id,
      action!,
      action!.version,
      { ...form, dueOn: dateToParts('2027-03-01') },
      staff,
      'en',
      t.clock.now(),
    );
    expect(again.ok).toBe(true);
    expect(await relay()).toEqual([]);

    // Given to the leader by the leader: nobody is told of their own choice.
    const fresh = (await db.select().from(planActions).where(eq(planActions.id, action!.id)))[0]!;
    expect(
      (
        await editAction(
          db,
          leader.id,
          fresh,
          fresh.version,
          { ...form, ownerUserId: leader.id },
          staff,
          'en',
          t.clock.now(),
        )
      ).ok,
    ).toBe(true);
    expect(await relay()).toEqual([]);
  });

  it('shortens a long action at a word, and names a collaborative and an LA in the reader’s language', async () => {
    const db = t.database.db;
    const lead = await buildUser(db, { role: 'collaborative_lead' });
    const collaborative = await buildCollaborative(db, {
      members: [school],
      nameEn: 'Taff cluster',
      nameCy: 'Clwstwr Taf',
    });
    const [meeting] = await db
      .insert(meetings)
      .values({ collaborativeId: collaborative.id, title: 'Spring network', meetsOn: '2027-01-10' })
      .returning();
    const long = `Share ${'the writing rubric with every member school '.repeat(4)}`.trim();
    const result = await addMeetingAction(
      db,
      lead.id,
      [],
      [person(people.practitioner)],
      meeting!,
      { description: long, ownerUserId: people.practitioner.id, owner: '', ownerSchool: '', dueOn: dateToParts(null) },
      'en',
    );
    expect(result.ok).toBe(true);
    const [told] = await relay();
    expect(told!.link).toBe(`/collaboratives/${collaborative.id}/meetings/${meeting!.id}`);
    expect(told!.params.action!.length).toBeLessThanOrEqual(101);
    expect(told!.params.action).toMatch(/^Share the writing rubric .*[a-z]…$/);
    expect(long.startsWith(told!.params.action!.slice(0, -1))).toBe(true);
    expect(await inbox(people.practitioner, 'cy')).toContain('(Clwstwr Taf)');

    const officer = await buildUser(db, { role: 'la_officer', scopeId: school.laCode });
    const partner = await buildUser(db, { role: 'improvement_partner', scopeId: school.laCode });
    const [cycle] = await db
      .insert(laCycles)
      .values({ laCode: school.laCode, academicYear: academicYearOf(t.clock.now()) })
      .returning();
    const [laPriority] = await db.insert(laPriorities).values({ cycleId: cycle!.id, title: 'Attendance' }).returning();
    const saved = await saveAction(
      db,
      { actorId: officer.id, language: 'en', now: t.clock.now() },
      laPriority!.id,
      {
        description: 'Visit every school with low attendance',
        ownerUserId: partner.id,
        owner: '',
        dueOn: dateToParts(null),
        status: 'not_started',
      },
      [person(partner)],
    );
    expect(saved.ok).toBe(true);
    const laTold = await relay();
    expect(laTold.map((n) => [n.userId, n.kind, n.link])).toEqual([
      [
        partner.id,
        'action_assigned',
        `/local-authorities/${school.laCode}/self-evaluation/priorities/${laPriority!.id}`,
      ],
    ]);
  });

  it('names a concern case’s support item only by its kind and school, never its words', async () => {
    const db = t.database.db;
    const officer = await buildUser(db, { role: 'la_officer', scopeId: school.laCode });
    const kase = await buildConcernCase(db, { schoolNumber: school.number, laCode: school.laCode });
    const values = {
      action: 'Confidential coaching for the head',
      owner: '',
      ownerUserId: null as string | null,
      reviewOn: '2027-03-01',
      status: 'open',
      reviewNotes: '',
    };
    expect((await addSupportItem(db, officer.id, kase, values, 'en')).ok).toBe(true);
    expect(await relay()).toEqual([]); // nobody named yet
    const [item] = await db.select().from(concernSupportItems).where(eq(concernSupportItems.caseId, kase.id));
    const given = await updateSupportItem(
      db,
      officer.id,
      kase,
      item!,
      item!.version,
      { ...values, ownerUserId: people.headteacher.id },
      'en',
      t.clock.now(),
    );
    expect(given.ok).toBe(true);
    const told = await relay();
    expect(told.map((n) => [n.userId, n.kind, n.link])).toEqual([
      [people.headteacher.id, 'action_assigned', `/concern-cases/${kase.id}`],
    ]);
    const [event] = await db.select().from(events).where(eq(events.subjectId, item!.id));
    expect(JSON.stringify(event)).not.toContain('Confidential');
    for (const lang of ['en', 'cy'] as const)
      expect(await inbox(people.headteacher, lang)).not.toContain('Confidential');
    expect(await inbox(people.headteacher, 'en')).toContain(
      'You have been asked to lead an action: “Support for a school causing concern” (Ysgol y Dderwen)',
    );
    expect(await inbox(people.headteacher, 'cy')).toContain("“Cymorth i ysgol sy'n peri pryder” (Ysgol y Dderwen)");
  });
});

describe('the daily reminder scan, for action owners', () => {
  it('tells the owner once when due within a week and once when overdue; never of done or free-text actions', async () => {
    const db = t.database.db;
    const scanSchool = await buildSchool(db, { name: 'Ysgol y Bryn' });
    const staff = await buildSchoolPeople(db, scanSchool);
    const p = await buildPriority(db, await buildCycle(db, scanSchool.number), { title: 'Maths' });
    const owner = staff.practitioner.id;
    const soon = await buildAction(db, p.id, { description: 'Due soon', dueOn: '2027-01-25', ownerUserId: owner });
    await buildAction(db, p.id, { description: 'Done one', dueOn: '2027-01-22', ownerUserId: owner, status: 'done' });
    await buildAction(db, p.id, { description: 'Free text', dueOn: '2027-01-22', owner: 'Mrs Jones' });
    await buildAction(db, p.id, { description: 'Far off', dueOn: '2027-05-01', ownerUserId: owner });
    const [meeting] = await db
      .insert(meetings)
      .values({
        collaborativeId: (await buildCollaborative(db, { members: [scanSchool] })).id,
        title: 'M',
        meetsOn: '2027-01-01',
      })
      .returning();
    await db.insert(meetingActions).values({
      meetingId: meeting!.id,
      description: 'Meeting task',
      owner: 'x',
      ownerUserId: owner,
      dueOn: '2027-01-19',
    });
    await relay(); // earlier tests' events are out of the way

    const scanned = await scanReminderEvents(db, t.clock.now());
    const mine = scanned.filter((e) => e.audience?.includes(owner));
    expect(mine.map((e) => [e.kind, e.subject.id, e.params.action, e.params.date]).sort()).toEqual(
      [
        ['action_due_soon', `${soon.id}:2027-01-25`, 'Due soon', '2027-01-25'],
        ['action_overdue', expect.stringMatching(/:2027-01-19$/), 'Meeting task', '2027-01-19'],
      ].sort(),
    );
    const said = scanned.map((e) => e.params.action);
    expect(said).not.toContain('Done one');
    expect(said).not.toContain('Free text');
    expect(said).not.toContain('Far off');
    const told = (await relay()).filter((n) => n.userId === owner);
    expect(told.map((n) => n.kind).sort()).toEqual(['action_due_soon', 'action_overdue']);
    expect(await inbox(staff.practitioner, 'en')).toContain(
      'An action you lead is due on 25 January 2027: “Due soon” (Ysgol y Bryn)',
    );
    expect(await inbox(staff.practitioner, 'cy')).toContain(
      'Roedd cam gweithredu rydych yn ei arwain yn ddyledus ar 19 Ionawr 2027',
    );

    // The next day's scan tells nobody again of the same actions and dates.
    clock.advanceDays(1);
    const next = await scanReminderEvents(db, t.clock.now());
    expect(next.filter((e) => e.audience?.includes(owner))).toEqual([]);
  });
});

describe('the preferences page', () => {
  it('offers the action kinds to a practitioner, in both languages', async () => {
    const visitor = await as(people.practitioner);
    const page = await visitor.get('/account/notifications');
    for (const kind of ['action_assigned', 'action_due_soon', 'action_overdue'])
      expect(page.body).toMatch(new RegExp(`name="${kind}"[^>]*value="at_once" checked`));
    expect(pageText(page.body)).toContain('Actions you lead');
    expect(pageText((await visitor.get('/account/notifications?lang=cy')).body)).toContain(
      'Camau gweithredu rydych yn eu harwain',
    );
  });
});
