import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { loadDemoSchoolCycle } from '../../demo/demo-school-cycle.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
const year = academicYearOf(new Date());
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('starting a cycle', () => {
  it('carries forward open priorities with their criteria and unfinished actions', async () => {
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    // Last year's demo cycle becomes "the previous cycle" when we load it a year early.
    const lastYear = new Date(Date.UTC(year - 1, 10, 1));
    await loadDemoSchoolCycle(
      t.database.db,
      school.number,
      {
        headteacher: people.headteacher.id,
        leader: people.leader.id,
        practitioner: people.practitioner.id,
        governor: people.governor.id,
      },
      lastYear,
    );
    const head = await as(people.headteacher);
    const page = await head.get(`/schools/${school.number}/cycle?lang=en`);
    expect(pageText(page.body)).toContain(`Start the ${year} to ${year + 1} cycle`);
    const started = await head.post(
      `/schools/${school.number}/cycles`,
      {},
      { tokenFrom: `/schools/${school.number}/cycle` },
    );
    expect(started.headers.location).toBe(`/schools/${school.number}/cycles/${year}`);
    const carried = await rows<{ title: string; state: string; carried_from_id: string | null }>(
      sql`select p.title, p.state, p.carried_from_id from priorities p join cycles c on c.id = p.cycle_id where c.school_number = ${school.number} and c.academic_year = ${year} order by p.title`,
    );
    // The writing (in progress), attendance (agreed) and numeracy (draft) priorities were open.
    expect(carried.map((p) => p.state).sort()).toEqual(['agreed', 'draft', 'in_progress']);
    expect(carried.every((p) => p.carried_from_id)).toBe(true);
    const actions = await rows<{ n: number }>(
      sql`select count(*)::int as n from plan_actions a join priorities p on p.id = a.priority_id join cycles c on c.id = p.cycle_id where c.school_number = ${school.number} and c.academic_year = ${year}`,
    );
    expect(actions[0]!.n).toBe(5);
    const again = await head.post(
      `/schools/${school.number}/cycles`,
      {},
      { tokenFrom: `/schools/${school.number}/cycles/${year}/answers` },
    );
    expect(again.statusCode).toBe(303);
    // The demo's two earlier cycles and this one: starting again made no second.
    expect(
      (await rows<{ n: number }>(sql`select count(*)::int as n from cycles where school_number = ${school.number}`))[0]!
        .n,
    ).toBe(3);
  });

  it('is for leaders; practitioners read; others have no such page', async () => {
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    const practitioner = await as(people.practitioner);
    expect((await practitioner.get(`/schools/${school.number}/cycle`)).statusCode).toBe(200);
    const refused = await practitioner.post(`/schools/${school.number}/cycles`, {}, { tokenFrom: '/account/password' });
    expect(refused.statusCode).toBe(403);
    expect((await (await as(people.otherHeadteacher)).get(`/schools/${school.number}/cycle`)).statusCode).toBe(404);
    expect((await (await as(people.governor)).get(`/schools/${school.number}/cycle`)).statusCode).toBe(403);
    expect((await new Visitor(t.app).get(`/schools/${school.number}/cycle`)).statusCode).toBe(303);
  });
});

describe('answering the questions', () => {
  let people: SchoolPeople;
  let number: string;
  beforeAll(async () => {
    const school = await buildSchool(t.database.db);
    number = school.number;
    people = await buildSchoolPeople(t.database.db, school);
    await (await as(people.headteacher)).post(`/schools/${number}/cycles`, {}, { tokenFrom: '/account/password' });
  });

  it('saves answers, shows them, and audits the change', async () => {
    const leader = await as(people.leader);
    const saved = await leader.post(
      `/schools/${number}/cycles/${year}/answers`,
      { version: '1', howWellAnswer: 'Da iawn mewn darllen.', howKnowAnswer: 'Teithiau dysgu.' },
      { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
    );
    expect(saved.statusCode).toBe(303);
    const page = pageText((await leader.get(`/schools/${number}/cycles/${year}?lang=cy`)).body);
    expect(page).toContain("Pa mor dda ydym ni'n ei wneud?");
    expect(page).toContain('Da iawn mewn darllen.');
    const audit = await rows<{ action: string; actor_id: string }>(
      sql`select action, actor_id from audit_log where action = 'cycle-answers-update' order by id desc limit 1`,
    );
    expect(audit[0]!.actor_id).toBe(people.leader.id);
  });

  it('never silently overwrites: the second editor is told and shown what changed', async () => {
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    const form = await head.get(`/schools/${number}/cycles/${year}/answers`);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    await leader.post(
      `/schools/${number}/cycles/${year}/answers`,
      { version, howImproveAnswer: 'Leader’s answer' },
      { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
    );
    const conflict = await head.post(
      `/schools/${number}/cycles/${year}/answers`,
      { version, howImproveAnswer: 'Headteacher’s answer' },
      { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
    );
    expect(conflict.statusCode).toBe(409);
    const text = pageText(conflict.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toContain('Leader’s answer');
    expect(text).toContain('Headteacher’s answer');
    const stored = await rows<{ how_improve_answer: string }>(
      sql`select how_improve_answer from cycles where school_number = ${number}`,
    );
    expect(stored[0]!.how_improve_answer).toBe('Leader’s answer');
    // Saving again from the page shown keeps the headteacher's version, knowingly.
    const newVersion = /name="version" value="(\d+)"/.exec(conflict.body)![1]!;
    expect(
      (
        await head.post(
          `/schools/${number}/cycles/${year}/answers`,
          { version: newVersion, howImproveAnswer: 'Headteacher’s answer' },
          { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
        )
      ).statusCode,
    ).toBe(303);
  });

  it('moves the stage and refuses unknown stages', async () => {
    const head = await as(people.headteacher);
    const version = (
      await rows<{ version: number }>(sql`select version from cycles where school_number = ${number}`)
    )[0]!.version;
    expect(
      (
        await head.post(
          `/schools/${number}/cycles/${year}/stage`,
          { version: String(version), stage: 'gathering_evidence' },
          { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await head.post(
          `/schools/${number}/cycles/${year}/stage`,
          { version: String(version + 1), stage: 'graded' },
          { tokenFrom: `/schools/${number}/cycles/${year}/answers` },
        )
      ).statusCode,
    ).toBe(400);
    const page = pageText((await head.get(`/schools/${number}/cycles/${year}?lang=en`)).body);
    expect(page).toMatch(/Where the cycle is now:\s*<strong class="govuk-tag">Gathering evidence/);
  });
});

describe('sharing and the school home', () => {
  it('lets the headteacher widen and leaders narrow, logs it, and changes what others see', async () => {
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    await loadDemoSchoolCycle(
      t.database.db,
      school.number,
      {
        headteacher: people.headteacher.id,
        leader: people.leader.id,
        practitioner: people.practitioner.id,
        governor: people.governor.id,
      },
      new Date(),
    );
    const [draft] = await rows<{ id: string }>(
      sql`select id from priorities where school_number = ${school.number} and state = 'draft'`,
    );
    const governor = await as(people.governor);
    const before = pageText((await governor.get(`/schools/${school.number}/home?lang=en`)).body);
    expect(before).toContain('You are seeing only what the school has shared with you.');
    expect(before).toMatch(
      /Curriculum, learning and teaching<\/th>\s*<td[^>]*>0<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>1<\/td>/,
    );

    const leader = await as(people.leader);
    const widenByLeader = await leader.post(
      `/schools/${school.number}/sharing`,
      {
        itemType: 'priority',
        itemId: draft!.id,
        audienceChoice: 'governors|',
        action: 'add',
        returnTo: `/schools/${school.number}/home`,
      },
      { tokenFrom: `/schools/${school.number}/outputs` },
    );
    expect(widenByLeader.statusCode).toBe(403);
    const head = await as(people.headteacher);
    const widened = await head.post(
      `/schools/${school.number}/sharing`,
      {
        itemType: 'priority',
        itemId: draft!.id,
        audienceChoice: 'governors|',
        action: 'add',
        returnTo: `/schools/${school.number}/home`,
      },
      { tokenFrom: `/schools/${school.number}/outputs` },
    );
    expect(widened.statusCode).toBe(303);
    const after = pageText((await governor.get(`/schools/${school.number}/home?lang=en`)).body);
    expect(after).toMatch(/Curriculum, learning and teaching<\/th>\s*<td[^>]*>1<\/td>/);
    const narrowed = await leader.post(
      `/schools/${school.number}/sharing`,
      {
        itemType: 'priority',
        itemId: draft!.id,
        audience: 'governors',
        action: 'remove',
        returnTo: `/schools/${school.number}/home`,
      },
      { tokenFrom: `/schools/${school.number}/outputs` },
    );
    expect(narrowed.statusCode).toBe(303);
    const log = await rows<{ action: string; actor_id: string }>(
      sql`select action, actor_id from audit_log where entity_type = 'priority' and entity_id = ${draft!.id} order by id`,
    );
    expect(log).toEqual([
      { action: 'share-add', actor_id: people.headteacher.id },
      { action: 'share-remove', actor_id: people.leader.id },
    ]);
    // Another school's item cannot be shared through this school.
    const other = await buildSchool(t.database.db);
    const otherPeople = await buildSchoolPeople(t.database.db, other);
    await loadDemoSchoolCycle(
      t.database.db,
      other.number,
      {
        headteacher: otherPeople.headteacher.id,
        leader: otherPeople.leader.id,
        practitioner: otherPeople.practitioner.id,
        governor: otherPeople.governor.id,
      },
      new Date(),
    );
    const [foreign] = await rows<{ id: string }>(
      sql`select id from priorities where school_number = ${other.number} limit 1`,
    );
    expect(
      (
        await head.post(
          `/schools/${school.number}/sharing`,
          { itemType: 'priority', itemId: foreign!.id, audienceChoice: 'public|', action: 'add' },
          { tokenFrom: `/schools/${school.number}/outputs` },
        )
      ).statusCode,
    ).toBe(404);
  });

  it('gives each role its own view of the school home', async () => {
    const school = await buildSchool(t.database.db);
    const people = await buildSchoolPeople(t.database.db, school);
    await loadDemoSchoolCycle(
      t.database.db,
      school.number,
      {
        headteacher: people.headteacher.id,
        leader: people.leader.id,
        practitioner: people.practitioner.id,
        governor: people.governor.id,
      },
      new Date(),
    );
    const staff = pageText((await (await as(people.practitioner)).get(`/schools/${school.number}/home?lang=en`)).body);
    expect(staff).toContain('Overdue');
    expect(staff).toContain('Reading for pleasure: library loans');
    expect(staff).toContain('What we share, and with whom');
    const la = pageText((await (await as(people.laOfficer)).get(`/schools/${school.number}/home?lang=en`)).body);
    expect(la).toContain('Attendance data: autumn half-term'); // shared with the LA
    expect(la).not.toContain('Reading for pleasure'); // not shared
    expect(la).not.toContain('What we share');
    const wg = await buildUser(t.database.db, { role: 'wg_official' });
    expect((await (await as(wg)).get(`/schools/${school.number}/home`)).statusCode).toBe(404);
    expect((await (await as(people.otherLaOfficer)).get(`/schools/${school.number}/home`)).statusCode).toBe(404);
  });
});
