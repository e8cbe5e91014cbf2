import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, findingEvidence, findings } from '../../db/schema/index.ts';
import { countRows, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildEvidence, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let base: string;
let cycle: Awaited<ReturnType<typeof buildCycle>>;
const ev: Record<string, string> = {};
let otherSchoolEvidence: string;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const idFrom = (location: unknown) => /\/findings\/([0-9a-f-]{36})/.exec(String(location))![1]!;
const form = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'strength',
  title: 'Learners explain their reasoning in mathematics',
  body: 'Seen in Years 5 and 6.',
  nifTheme: 'curriculum_teaching',
  language: 'en',
  evidenceIds: [] as string[],
  ...overrides,
});

async function createFinding(overrides: Record<string, string | string[]> = {}) {
  const head = await as(people.headteacher);
  const response = await head.post(base, form(overrides));
  expect(response.statusCode).toBe(303);
  return idFrom(response.headers.location);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  base = `/schools/${school.number}/findings`;
  cycle = await buildCycle(db, school.number);
  ev.walk = (
    await buildEvidence(db, cycle, {
      title: 'Learning walk: maths talk',
      source: 'learning_walk',
      firstHand: true,
      nifThemes: ['curriculum_teaching'],
    })
  ).id;
  ev.survey = (
    await buildEvidence(db, cycle, {
      title: 'Parent survey on homework',
      source: 'survey',
      firstHand: false,
      nifThemes: ['wellbeing_equity'],
    })
  ).id;
  ev.peer = (
    await buildEvidence(db, cycle, {
      title: 'Peer enquiry: reasoning',
      source: 'peer_enquiry',
      firstHand: true,
      fromBeyond: true,
    })
  ).id;
  ev.data = (
    await buildEvidence(db, cycle, { title: 'Attendance data autumn term', source: 'aggregate_data', firstHand: false })
  ).id;
  const other = await buildSchool(db);
  otherSchoolEvidence = (await buildEvidence(db, await buildCycle(db, other.number), { title: 'Not ours' })).id;
});
afterAll(() => t.close());

describe('who may reach the findings', () => {
  it('sends anonymous visitors to sign in', async () => {
    const anonymous = new Visitor(t.app);
    for (const url of [base, `${base}/new`, `${base}/${ev.walk}`]) {
      const response = await anonymous.get(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    expect((await anonymous.post(base, form(), { csrf: false })).headers.location).toBe('/sign-in');
  });

  it('lets the headteacher and a school leader add findings, and a practitioner only read them', async () => {
    const id = await createFinding();
    const leader = await as(people.leader);
    expect((await leader.get(`${base}/new`)).statusCode).toBe(200);
    expect((await leader.post(base, form({ title: 'A leader adds one' }))).statusCode).toBe(303);
    const practitioner = await as(people.practitioner);
    expect((await practitioner.get(base)).statusCode).toBe(200);
    expect((await practitioner.get(`${base}/${id}`)).statusCode).toBe(200);
    expect((await practitioner.get(`${base}/new`)).statusCode).toBe(403);
    expect((await practitioner.get(`${base}/${id}/edit`)).statusCode).toBe(403);
    expect((await practitioner.post(base, form())).statusCode).toBe(403);
    expect((await practitioner.post(`${base}/${id}/edit`, { ...form(), version: '1' })).statusCode).toBe(403);
    expect(pageText((await practitioner.get(`${base}/${id}`)).body)).not.toContain('Edit the finding');
  });

  it('is a 404 for staff of another school, and for ids that do not exist', async () => {
    const id = await createFinding();
    const stranger = await as(people.otherHeadteacher);
    for (const url of [base, `${base}/new`, `${base}/${id}`, `${base}/${id}/edit`])
      expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await stranger.post(base, form())).statusCode).toBe(404);
    const head = await as(people.headteacher);
    expect((await head.get(`${base}/not-a-uuid`)).statusCode).toBe(404);
    expect((await head.get(`${base}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('shows governors and the LA only what was shared with them, and lets neither edit', async () => {
    const forGovernors = await createFinding({ title: 'Shared with governors' });
    const forLa = await createFinding({ title: 'Shared with the LA' });
    const privateOne = await createFinding({ title: 'Kept in school' });
    await share(t.database.db, school.number, 'finding', forGovernors, 'governors');
    await share(t.database.db, school.number, 'finding', forLa, 'la');
    const cases = [
      { user: people.governor, sees: forGovernors, not: [forLa, privateOne] },
      { user: people.laOfficer, sees: forLa, not: [forGovernors, privateOne] },
    ];
    for (const { user, sees, not } of cases) {
      const visitor = await as(user);
      const list = pageText((await visitor.get(base)).body);
      expect(list).toContain('You see only the findings the school has shared with you.');
      expect(list).toContain(sees === forGovernors ? 'Shared with governors' : 'Shared with the LA');
      expect(list).not.toContain('Kept in school');
      expect((await visitor.get(`${base}/${sees}`)).statusCode).toBe(200);
      for (const hidden of not) expect((await visitor.get(`${base}/${hidden}`)).statusCode).toBe(404);
      expect((await visitor.get(`${base}/new`)).statusCode).toBe(403);
      expect((await visitor.get(`${base}/${sees}/edit`)).statusCode).toBe(403);
    }
    for (const user of [people.otherGovernor, people.otherLaOfficer])
      expect((await (await as(user)).get(base)).statusCode).toBe(404);
  });
});

describe('sharing a finding from its page', () => {
  it('lets the headteacher share it with governors, who can then read it, and says so on the page', async () => {
    const id = await createFinding({ title: 'To be shared from its page' });
    const governor = await as(people.governor);
    expect((await governor.get(`${base}/${id}`)).statusCode).toBe(404);
    const head = await as(people.headteacher);
    const page = await head.get(`${base}/${id}`);
    expect(page.body).toContain('action="/schools/' + school.number + '/sharing"');
    const shared = await head.post(`/schools/${school.number}/sharing`, {
      itemType: 'finding',
      itemId: id,
      action: 'add',
      audienceChoice: 'governors|',
      returnTo: `${base}/${id}`,
    });
    expect(shared.headers.location).toBe(`${base}/${id}?shared=add#sharing`);
    expect(pageText((await head.get(`${base}/${id}?shared=add`)).body)).toContain('It is now shared.');
    expect((await governor.get(`${base}/${id}`)).statusCode).toBe(200);
    expect(pageText((await governor.get(base)).body)).toContain('To be shared from its page');
  });
});

describe('turning evidence into a finding', () => {
  it('saves the finding with its evidence, audits it and shows how well it is triangulated', async () => {
    const id = await createFinding({ evidenceIds: [ev.walk!, ev.survey!, ev.peer!] });
    const links = await t.database.db.select().from(findingEvidence).where(eq(findingEvidence.findingId, id));
    expect(links.map((l) => l.evidenceId).sort()).toEqual([ev.walk, ev.survey, ev.peer].sort());
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'finding-create')));
    expect(audit!.after).toMatchObject({ kind: 'strength', evidenceIds: expect.arrayContaining([ev.walk]) });
    const page = pageText((await (await as(people.headteacher)).get(`${base}/${id}?saved=1`)).body);
    expect(page).toContain('The finding has been saved.');
    expect(page).toContain('Well triangulated');
    expect(page).toContain('3 kinds of evidence: Learning walk, Survey, Peer enquiry');
    expect(page).toContain('Peer enquiry: reasoning');
    expect(page).toContain('Who can see this');
  });

  it('says what would strengthen a finding that rests on one kind of evidence, in the list and on its page', async () => {
    const id = await createFinding({
      title: 'Homework worries parents',
      kind: 'area_for_development',
      evidenceIds: [ev.survey!],
    });
    const head = await as(people.headteacher);
    const list = pageText((await head.get(base)).body);
    expect(list).toContain('Areas for development');
    expect(list).toMatch(
      /Not yet triangulated<\/strong>\s*1 kind of evidence,\s*none first-hand,\s*not seen from beyond the school/,
    );
    const page = pageText((await head.get(`${base}/${id}`)).body);
    expect(page).toContain('To strengthen it:');
    expect(page).toContain('add evidence seen by someone from beyond the school');
  });

  it('refuses a finding with no kind or title, keeping what was typed (400, nothing saved)', async () => {
    const before = await countRows(t.database.db, 'findings');
    const response = await (
      await as(people.headteacher)
    ).post(base, form({ kind: '', title: '', body: 'Kept text', evidenceIds: [ev.walk!] }));
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Choose whether it is a strength or an area for development');
    expect(text).toContain('Write the finding');
    expect(text).toContain('Kept text');
    expect(response.body).toMatch(new RegExp(`value="${ev.walk}" checked`));
    expect(await countRows(t.database.db, 'findings')).toBe(before);
  });

  it('refuses evidence of another school', async () => {
    const response = await (await as(people.headteacher)).post(base, form({ evidenceIds: [otherSchoolEvidence] }));
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain("Choose evidence from this school's list");
  });

  it('narrows the evidence by search and source without saving, keeping every value', async () => {
    const before = await countRows(t.database.db, 'findings');
    const head = await as(people.headteacher);
    const response = await head.post(
      base,
      form({ intent: 'filter', title: 'Half-written', q: 'homework', evidenceIds: [ev.walk!] }),
    );
    expect(response.statusCode).toBe(200);
    const text = pageText(response.body);
    expect(text).toContain('Half-written');
    expect(text).toContain('Parent survey on homework');
    expect(text).toContain('Learning walk: maths talk'); // ticked already, so still shown
    expect(text).not.toContain('Attendance data autumn term');
    const bySource = pageText((await head.post(base, form({ intent: 'filter', source: 'aggregate_data' }))).body);
    expect(bySource).toContain('Attendance data autumn term');
    expect(bySource).not.toContain('Parent survey on homework');
    expect(await countRows(t.database.db, 'findings')).toBe(before);
  });
});

describe('editing a finding', () => {
  it('saves an edit and audits what changed', async () => {
    const id = await createFinding({ evidenceIds: [ev.walk!] });
    const head = await as(people.headteacher);
    expect((await head.get(`${base}/${id}/edit`)).statusCode).toBe(200);
    const response = await head.post(`${base}/${id}/edit`, {
      ...form({ title: 'Sharper wording', evidenceIds: [ev.walk!, ev.data!] }),
      version: '1',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(findings).where(eq(findings.id, id));
    expect(row).toMatchObject({ title: 'Sharper wording', version: 2 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'finding-update')));
    expect(audit!.before).toMatchObject({
      title: 'Learners explain their reasoning in mathematics',
      evidenceIds: [ev.walk],
    });
    expect(audit!.after).toMatchObject({ title: 'Sharper wording' });
  });

  it('tells the second of two editors what the first saved, and overwrites nothing (409)', async () => {
    const id = await createFinding();
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    expect(
      (await head.post(`${base}/${id}/edit`, { ...form({ title: 'Head version' }), version: '1' })).statusCode,
    ).toBe(303);
    const second = await leader.post(`${base}/${id}/edit`, { ...form({ title: 'Leader version' }), version: '1' });
    expect(second.statusCode).toBe(409);
    const text = pageText(second.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toContain('Head version');
    expect(text).toContain('Leader version');
    expect(second.body).toContain('name="version" value="2"');
    expect((await t.database.db.select().from(findings).where(eq(findings.id, id)))[0]!.title).toBe('Head version');
    // Saving again from the conflict page keeps the second version knowingly.
    expect(
      (await leader.post(`${base}/${id}/edit`, { ...form({ title: 'Leader version' }), version: '2' })).statusCode,
    ).toBe(303);
    expect((await t.database.db.select().from(findings).where(eq(findings.id, id)))[0]!.title).toBe('Leader version');
  });
});

describe('in Welsh', () => {
  it('shows the list, the page and the form in Welsh', async () => {
    const id = await createFinding({
      title: 'Mae dysgwyr yn esbonio eu rhesymu',
      language: 'cy',
      evidenceIds: [ev.walk!, ev.peer!],
    });
    const head = await as(people.headteacher, 'cy');
    const list = pageText((await head.get(base)).body);
    expect(list).toContain('Cryfderau');
    expect(list).toContain('Meysydd i');
    expect(list).toContain('Ychwanegu canfyddiad');
    const page = (await head.get(`${base}/${id}`)).body;
    expect(page).toMatch(/lang="cy"[^>]*>Mae dysgwyr yn esbonio eu rhesymu/);
    expect(pageText(page)).toContain("Wedi'i driongli'n rhannol");
    expect(pageText(page)).toContain('2 fath o dystiolaeth');
    const invalid = await head.post(base, form({ title: '' }));
    expect(invalid.statusCode).toBe(400);
    expect(pageText(invalid.body)).toContain('Ysgrifennwch y canfyddiad');
  });
});

describe('without a cycle for this year', () => {
  it('offers leaders the link to start it, and others only the news', async () => {
    const db = t.database.db;
    const empty = await buildSchool(db);
    const emptyPeople = await buildSchoolPeople(db, empty);
    const head = pageText((await (await as(emptyPeople.headteacher)).get(`/schools/${empty.number}/findings`)).body);
    expect(head).toMatch(
      new RegExp(`<a class="govuk-link" href="/schools/${empty.number}/cycle">Start the \\d{4} to \\d{4} cycle</a>`),
    );
    const practitioner = pageText(
      (await (await as(emptyPeople.practitioner)).get(`/schools/${empty.number}/findings`)).body,
    );
    expect(practitioner).toContain('has not started its');
    expect(practitioner).not.toMatch(/Start the \d{4} to \d{4} cycle/);
    expect(
      (await (await as(emptyPeople.headteacher)).post(`/schools/${empty.number}/findings`, form())).statusCode,
    ).toBe(409);
  });
});
