import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, findings, priorities, priorityFindings } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { countRows, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let base: string;
let cycle: Awaited<ReturnType<typeof buildCycle>>;
let findingId: string;
let otherFindingId: string;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const idFrom = (location: unknown) => /\/priorities\/([0-9a-f-]{36})/.exec(String(location))![1]!;
const ready = () => ({
  title: 'Reading ages of eFSM learners in Years 3 to 6',
  description: 'So that at least 80% read at their age by July.',
  nifTheme: 'curriculum_teaching',
  learners: 'eFSM learners in Years 3 to 6',
  successMeasure: 'Reading ages rise by 12 months in a year',
  origin: 'self_evaluation',
  language: 'en',
  findingIds: [findingId],
  nationalPriorities: ['literacy'],
});
const row = async (id: string) => (await t.database.db.select().from(priorities).where(eq(priorities.id, id)))[0]!;
const audits = async (id: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

async function create(values: Record<string, string | string[]>) {
  const response = await (await as(people.headteacher)).post(base, values);
  expect(response.statusCode).toBe(303);
  return idFrom(response.headers.location);
}
async function move(id: string, state: string, user = people.headteacher) {
  return (await as(user)).post(`${base}/${id}/state`, { state, version: String((await row(id)).version) });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  base = `/schools/${school.number}/priorities`;
  cycle = await buildCycle(db, school.number);
  [{ id: findingId }] = (await db
    .insert(findings)
    .values({
      schoolNumber: school.number,
      cycleId: cycle.id,
      kind: 'area_for_development',
      title: 'Reading of eFSM learners lags',
      nifTheme: 'curriculum_teaching',
    })
    .returning({ id: findings.id })) as [{ id: string }];
  const other = await buildSchool(db);
  const otherCycle = await buildCycle(db, other.number);
  [{ id: otherFindingId }] = (await db
    .insert(findings)
    .values({ schoolNumber: other.number, cycleId: otherCycle.id, kind: 'strength', title: 'Not ours' })
    .returning({ id: findings.id })) as [{ id: string }];
});
afterAll(() => t.close());

describe('who may reach the priorities', () => {
  it('sends anonymous visitors to sign in', async () => {
    const anonymous = new Visitor(t.app);
    for (const url of [base, `${base}/new`])
      expect((await anonymous.get(url)).headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    expect((await anonymous.post(base, ready(), { csrf: false })).headers.location).toBe('/sign-in');
  });

  it('lets leaders edit, a practitioner only read, and is a 404 to another school', async () => {
    const id = await create(ready());
    const leader = await as(people.leader);
    expect((await leader.get(`${base}/${id}/edit`)).statusCode).toBe(200);
    expect(
      (await leader.post(`${base}/${id}/edit`, { ...ready(), title: 'Leader edit', version: '1' })).statusCode,
    ).toBe(303);
    const practitioner = await as(people.practitioner);
    expect((await practitioner.get(base)).statusCode).toBe(200);
    expect((await practitioner.get(`${base}/${id}`)).statusCode).toBe(200);
    expect(pageText((await practitioner.get(`${base}/${id}`)).body)).not.toContain('Agree this priority');
    for (const url of [`${base}/new`, `${base}/${id}/edit`]) expect((await practitioner.get(url)).statusCode).toBe(403);
    expect((await practitioner.post(base, ready())).statusCode).toBe(403);
    expect((await practitioner.post(`${base}/${id}/state`, { state: 'agreed', version: '2' })).statusCode).toBe(403);
    const stranger = await as(people.otherHeadteacher);
    for (const url of [base, `${base}/new`, `${base}/${id}`, `${base}/${id}/edit`])
      expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await stranger.post(`${base}/${id}/state`, { state: 'agreed', version: '2' })).statusCode).toBe(404);
  });

  it('shows governors and the LA only what was shared with them', async () => {
    const forGovernors = await buildPriority(t.database.db, cycle, { title: 'Attendance shared with governors' });
    const forLa = await buildPriority(t.database.db, cycle, { title: 'Numeracy shared with the LA' });
    const kept = await buildPriority(t.database.db, cycle, { title: 'Oracy kept in school' });
    await share(t.database.db, school.number, 'priority', forGovernors.id, 'governors');
    await share(t.database.db, school.number, 'priority', forLa.id, 'la');
    for (const { user, sees, hidden } of [
      { user: people.governor, sees: forGovernors, hidden: [forLa, kept] },
      { user: people.laOfficer, sees: forLa, hidden: [forGovernors, kept] },
    ]) {
      const visitor = await as(user);
      const list = pageText((await visitor.get(base)).body);
      expect(list).toContain(sees.title);
      for (const h of hidden) expect(list).not.toContain(h.title);
      expect((await visitor.get(`${base}/${sees.id}`)).statusCode).toBe(200);
      for (const h of hidden) expect((await visitor.get(`${base}/${h.id}`)).statusCode).toBe(404);
      expect((await visitor.get(`${base}/new`)).statusCode).toBe(403);
      expect((await visitor.post(`${base}/${sees.id}/state`, { state: 'in_progress', version: '1' })).statusCode).toBe(
        403,
      );
    }
    for (const user of [people.otherGovernor, people.otherLaOfficer])
      expect((await (await as(user)).get(base)).statusCode).toBe(404);
  });
});

describe('a precise, refined and specific priority', () => {
  it('saves a draft with parts missing, and lists what it needs before it can be agreed', async () => {
    const id = await create({
      title: 'Improve reading and develop numeracy',
      origin: 'self_evaluation',
      language: 'en',
    });
    expect(await row(id)).toMatchObject({ state: 'draft', version: 1 });
    expect(await audits(id, 'priority-create')).toHaveLength(1);
    const page = pageText((await (await as(people.headteacher)).get(`${base}/${id}`)).body);
    expect(page).toContain('Before it can be agreed');
    expect(page.match(/Missing/g)).toHaveLength(4);
    expect(page).toContain('It may have more than one focus');
    expect(page).toContain('“improve” says a direction, not a destination');
    expect(page).toContain('Which learners is it for?');
  });

  it('refuses to agree a priority without a finding, listing every missing part (400, nothing changed)', async () => {
    const id = await create({ ...ready(), findingIds: [], learners: '' });
    const response = await move(id, 'agreed');
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Link at least one finding before agreeing the priority');
    expect(text).toContain('Name the learners it is for before agreeing the priority');
    expect(text).not.toContain('Choose a National Improvement Framework theme before agreeing');
    expect(response.body).toContain('href="#readiness-finding"');
    expect(await row(id)).toMatchObject({ state: 'draft', version: 1 });
    expect(await audits(id, 'priority-state')).toHaveLength(0);
  });

  it('agrees a ready priority and moves it through its states, auditing each move', async () => {
    const id = await create(ready());
    for (const state of ['agreed', 'in_progress', 'reviewed', 'closed']) {
      const response = await move(id, state);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`${base}/${id}?moved=${state}`);
      expect((await row(id)).state).toBe(state);
    }
    expect((await audits(id, 'priority-state')).map((a) => a.after)).toEqual([
      { state: 'agreed' },
      { state: 'in_progress' },
      { state: 'reviewed' },
      { state: 'closed' },
    ]);
    expect(pageText((await (await as(people.headteacher)).get(`${base}/${id}?moved=closed`)).body)).toContain(
      'This priority is closed.',
    );
    expect((await move(id, 'draft')).statusCode).toBe(400);
  });

  it('allows only the transitions of the model: no skipping, back to draft only from agreed, closing from any', async () => {
    const id = await create(ready());
    const skipped = await move(id, 'reviewed');
    expect(skipped.statusCode).toBe(400);
    expect(pageText(skipped.body)).toContain('The priority cannot move to that state from where it is now');
    expect((await move(id, 'nonsense')).statusCode).toBe(400);
    expect((await move(id, 'agreed')).statusCode).toBe(303);
    expect((await move(id, 'draft')).statusCode).toBe(303);
    expect((await row(id)).state).toBe('draft');
    const draft = await create({ title: 'Abandoned idea', origin: 'self_evaluation', language: 'en' });
    expect((await move(draft, 'closed')).statusCode).toBe(303);
  });

  it('keeps an agreed priority ready: an edit may not take its learners or finding away', async () => {
    const id = await create(ready());
    await move(id, 'agreed');
    const { version } = await row(id);
    const response = await (
      await as(people.headteacher)
    ).post(`${base}/${id}/edit`, { ...ready(), learners: '', findingIds: [], version: String(version) });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('An agreed priority must name the learners it is for');
    expect(pageText(response.body)).toContain('An agreed priority must rest on at least one finding');
    expect((await row(id)).learners).toBe('eFSM learners in Years 3 to 6');
  });

  it('refuses findings of another school and unknown national priorities, keeping what was typed', async () => {
    const before = await countRows(t.database.db, 'priorities');
    const response = await (
      await as(people.headteacher)
    ).post(base, { ...ready(), findingIds: [otherFindingId], nationalPriorities: ['bingo'] });
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain("Choose findings from this school's list");
    expect(text).toContain('Choose national priorities from the list');
    expect(text).toContain('Reading ages of eFSM learners in Years 3 to 6');
    expect(await countRows(t.database.db, 'priorities')).toBe(before);
  });

  it('saves links to findings and national priorities, and ticks the finding it was made from', async () => {
    const form = await (await as(people.headteacher)).get(`${base}/new?finding=${findingId}`);
    expect(form.body).toMatch(new RegExp(`value="${findingId}" checked`));
    // It starts in the finding's theme; a new priority from nothing starts with none chosen.
    expect(form.body).toMatch(/value="curriculum_teaching"[^>]*(checked|selected)/);
    expect((await (await as(people.headteacher)).get(`${base}/new`)).body).not.toMatch(
      /value="curriculum_teaching"[^>]*(checked|selected)/,
    );
    const id = await create(ready());
    const links = await t.database.db.select().from(priorityFindings).where(eq(priorityFindings.priorityId, id));
    expect(links.map((l) => l.findingId)).toEqual([findingId]);
    expect((await row(id)).nationalPriorities).toEqual(['literacy']);
    const page = pageText((await (await as(people.headteacher)).get(`${base}/${id}`)).body);
    expect(page).toContain('Reading of eFSM learners lags');
    expect(page).toContain('Literacy');
    expect(page).toContain('Who can see this');
  });
});

describe('sharing a priority from its page', () => {
  it('lets the headteacher share it with the LA and a school leader stop sharing it', async () => {
    const id = await create(ready());
    const la = await as(people.laOfficer);
    expect((await la.get(`${base}/${id}`)).statusCode).toBe(404);
    const sharing = `/schools/${school.number}/sharing`;
    expect(
      (
        await (
          await as(people.headteacher)
        ).post(sharing, {
          itemType: 'priority',
          itemId: id,
          action: 'add',
          audienceChoice: 'la|',
          returnTo: `${base}/${id}`,
        })
      ).statusCode,
    ).toBe(303);
    expect((await la.get(`${base}/${id}`)).statusCode).toBe(200);
    expect(
      (
        await (
          await as(people.leader)
        ).post(sharing, {
          itemType: 'priority',
          itemId: id,
          action: 'remove',
          audience: 'la',
          audienceId: '',
          returnTo: `${base}/${id}`,
        })
      ).statusCode,
    ).toBe(303);
    expect((await la.get(`${base}/${id}`)).statusCode).toBe(404);
  });
});

describe('two people editing one priority', () => {
  it('tells the second what the first saved (409) and overwrites nothing', async () => {
    const id = await create(ready());
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    expect(
      (await head.post(`${base}/${id}/edit`, { ...ready(), successMeasure: 'Head: 80% at age', version: '1' }))
        .statusCode,
    ).toBe(303);
    const second = await leader.post(`${base}/${id}/edit`, {
      ...ready(),
      successMeasure: 'Leader: 90% at age',
      version: '1',
    });
    expect(second.statusCode).toBe(409);
    expect(pageText(second.body)).toContain('Head: 80% at age');
    expect(pageText(second.body)).toContain('Leader: 90% at age');
    expect((await row(id)).successMeasure).toBe('Head: 80% at age');
  });

  it('refuses a state change made from a stale page (409)', async () => {
    const id = await create(ready());
    await (
      await as(people.leader)
    ).post(`${base}/${id}/edit`, { ...ready(), title: 'Changed meanwhile', version: '1' });
    const response = await (
      await as(people.headteacher)
    ).post(`${base}/${id}/state`, { state: 'agreed', version: '1' });
    expect(response.statusCode).toBe(409);
    expect(pageText(response.body)).toContain('Someone else changed this priority while you were looking at it');
    expect((await row(id)).state).toBe('draft');
  });
});

describe('the list', () => {
  it('groups by NIF theme or by state, shows readiness, national priorities and where a priority was carried from', async () => {
    const db = t.database.db;
    const listSchool = await buildSchool(db);
    const listPeople = await buildSchoolPeople(db, listSchool);
    const year = academicYearOf(new Date());
    const lastCycle = await buildCycle(db, listSchool.number, year - 1);
    const thisCycle = await buildCycle(db, listSchool.number, year);
    const old = await buildPriority(db, lastCycle, {
      title: 'Attendance of eFSM learners',
      nationalPriorities: ['attendance'],
    });
    await buildPriority(db, thisCycle, {
      title: 'Attendance of eFSM learners',
      carriedFromId: old.id,
      nationalPriorities: ['attendance'],
      nifTheme: 'wellbeing_equity',
    });
    await buildPriority(db, thisCycle, { title: 'Oracy draft', state: 'draft', nifTheme: null, learners: '' });
    const head = await as(listPeople.headteacher);
    const listUrl = `/schools/${listSchool.number}/priorities`;
    const byTheme = pageText((await head.get(listUrl)).body);
    expect(byTheme).toContain('Wellbeing, inclusion and equity');
    expect(byTheme).toContain('No NIF theme yet');
    expect(byTheme).toContain(`Carried forward from the ${year - 1} to ${year} cycle`);
    expect(byTheme).toContain(
      'Before it can be agreed it needs: a linked finding, a NIF theme, the learners it is for',
    );
    expect(byTheme).toContain(`href="${listUrl}?by=theme&national=attendance">Attendance</a>`);
    const byState = pageText((await head.get(`${listUrl}?by=state`)).body);
    expect(byState.indexOf('<h2 class="govuk-heading-m">Draft')).toBeLessThan(
      byState.indexOf('<h2 class="govuk-heading-m">Agreed'),
    );
    const filtered = pageText((await head.get(`${listUrl}?national=attendance`)).body);
    expect(filtered).toContain('Attendance of eFSM learners');
    expect(filtered).not.toContain('Oracy draft');
  });
});

describe('in Welsh', () => {
  it('shows the list, the readiness checklist, the prompts and the refusal in Welsh', async () => {
    const id = await create({
      title: 'Gwella darllen a datblygu rhifedd',
      origin: 'self_evaluation',
      language: 'cy',
      learners: 'Pob dysgwr',
    });
    const head = await as(people.headteacher, 'cy');
    expect(pageText((await head.get(base)).body)).toContain('Ychwanegu blaenoriaeth');
    const page = pageText((await head.get(`${base}/${id}`)).body);
    expect(page).toContain('Cyn y gellir ei chytuno');
    expect(page).toContain('Ar goll');
    expect(page).toContain('Efallai fod ganddi fwy nag un ffocws');
    expect(page).toContain('Mae “gwella” yn dweud cyfeiriad, nid cyrchfan');
    expect(page).toContain('A allech ddweud pa ddysgwyr?');
    const refused = await head.post(`${base}/${id}/state`, { state: 'agreed', version: '1' });
    expect(refused.statusCode).toBe(400);
    expect(pageText(refused.body)).toContain('Cysylltwch o leiaf un canfyddiad cyn cytuno ar y flaenoriaeth');
    // Reloading the refused page (a GET to the form's address) goes back to the priority, not a 404.
    const reload = await head.get(`${base}/${id}/state`);
    expect(reload.statusCode).toBe(303);
    expect(reload.headers.location).toBe(`${base}/${id}`);
  });
});
