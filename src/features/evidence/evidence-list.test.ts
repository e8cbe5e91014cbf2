import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { buildCycle, buildEvidence, shareEvidence } from '../../../test/support/evidence-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let otherPractitioner: TestUser;

const visitorFor = async (user: TestUser) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const listUrl = (query = '') => `/schools/${school.number}/evidence${query ? `?${query}` : ''}`;
/** The titles listed on a page, in order. */
const titles = (html: string) =>
  [...html.matchAll(/<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a [^>]*>([^<]+)<\/a>/g)].map((m) =>
    pageText(m[1]!),
  );
const listFor = async (user: TestUser, query = '') => titles((await (await visitorFor(user)).get(listUrl(query))).body);

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  otherPractitioner = await buildUser(t.database.db, {
    role: 'practitioner',
    scopeId: (await buildSchool(t.database.db)).number,
  });
  const cycle = await buildCycle(t.database.db, school.number);
  const made = await buildEvidence(t.database.db, school.number, cycle.id, [
    {
      title: 'Llais y dysgwyr ym Môn',
      body: 'Trafodaeth am ddarllen',
      source: 'listening_to_learners',
      observedOn: '2026-10-20',
      firstHand: true,
      nifThemes: ['wellbeing_equity'],
      learnerGroups: ['boys'],
      curated: false,
    },
    {
      title: 'Maths learning walk',
      body: 'Reasoning was strong in Year 6',
      source: 'learning_walk',
      observedOn: '2026-10-10',
      firstHand: true,
      fromBeyond: true,
      areas: ['mathematics_numeracy'],
      principles: ['refining_skills'],
      nationalPriorities: ['numeracy'],
    },
    {
      title: 'Attendance figures',
      body: 'Aggregate attendance for the autumn',
      source: 'aggregate_data',
      observedOn: '2026-09-15',
      firstHand: false,
      learnerGroups: ['efsm', 'persistent_absence'],
      nationalPriorities: ['attendance'],
    },
    {
      title: 'Parent survey',
      body: 'Café morning feedback',
      source: 'survey',
      observedOn: '2026-09-05',
      firstHand: false,
      nifThemes: ['vision_leadership'],
    },
    { title: 'Archived walk', source: 'learning_walk', observedOn: '2026-09-20', archived: true },
  ]);
  await shareEvidence(t.database.db, school.number, made[1]!.id, 'governors');
  await shareEvidence(t.database.db, school.number, made[2]!.id, 'la');
  await shareEvidence(t.database.db, school.number, made[3]!.id, 'public');
  const lastYear = await buildCycle(t.database.db, school.number, 2025);
  await buildEvidence(t.database.db, school.number, lastYear.id, [
    { title: 'Last year walk', observedOn: '2026-03-01' },
  ]);
});
afterAll(() => t.close());

describe('who sees which evidence', () => {
  it('shows staff every item of the cycle, newest first, with the archived ones left out', async () => {
    for (const user of [people.headteacher, people.leader, people.practitioner]) {
      expect(await listFor(user)).toEqual([
        'Llais y dysgwyr ym Môn',
        'Maths learning walk',
        'Attendance figures',
        'Parent survey',
      ]);
    }
  });

  it('shows governors and the LA only what was shared with them (or the public), filtered in the list', async () => {
    expect(await listFor(people.governor)).toEqual(['Maths learning walk', 'Parent survey']);
    expect(await listFor(people.laOfficer)).toEqual(['Attendance figures', 'Parent survey']);
    const governorPage = pageText((await (await visitorFor(people.governor)).get(listUrl())).body);
    expect(governorPage).toContain('2 evidence items');
    expect(governorPage).not.toContain('To review');
    // Staff record evidence from the top of the school's pages (issue 13); the rest do not.
    expect(governorPage).not.toContain('Record evidence');
    const staffPage = pageText((await (await visitorFor(people.practitioner)).get(listUrl())).body);
    expect(staffPage).toContain('Record evidence');
    const staffCy = pageText((await (await visitorFor(people.practitioner)).get(listUrl('lang=cy'))).body);
    expect(staffCy).toContain('Cofnodi tystiolaeth');
  });

  it('lets governors and the LA ask for more only to get the same: no archived or to-review views', async () => {
    expect(await listFor(people.governor, 'archived=true')).toEqual(['Maths learning walk', 'Parent survey']);
    expect(await listFor(people.laOfficer, 'toReview=true')).toEqual(['Attendance figures', 'Parent survey']);
  });

  it('is a 404 for another school and for people of another LA, and asks the anonymous to sign in', async () => {
    for (const user of [otherPractitioner, people.otherHeadteacher, people.otherLaOfficer, people.otherGovernor]) {
      expect((await (await visitorFor(user)).get(listUrl())).statusCode).toBe(404);
    }
    expect((await new Visitor(t.app).get(listUrl())).headers.location).toBe(
      `/sign-in?next=${encodeURIComponent(listUrl())}`,
    );
  });
});

describe('searching and filtering', () => {
  it('searches title and text, with or without accents', async () => {
    expect(await listFor(people.headteacher, 'q=mon')).toEqual(['Llais y dysgwyr ym Môn']);
    expect(await listFor(people.headteacher, `q=${encodeURIComponent('MÔN dysgwyr')}`)).toEqual([
      'Llais y dysgwyr ym Môn',
    ]);
    expect(await listFor(people.headteacher, 'q=cafe')).toEqual(['Parent survey']);
    expect(await listFor(people.headteacher, 'q=reasoning+year')).toEqual(['Maths learning walk']);
    expect(await listFor(people.headteacher, 'q=100%25')).toEqual([]);
  });

  it.each([
    ['source=survey', ['Parent survey']],
    ['source=survey&source=aggregate_data', ['Attendance figures', 'Parent survey']],
    ['nifThemes=wellbeing_equity', ['Llais y dysgwyr ym Môn']],
    ['areas=mathematics_numeracy', ['Maths learning walk']],
    ['principles=refining_skills', ['Maths learning walk']],
    ['learnerGroups=efsm', ['Attendance figures']],
    ['learnerGroups=boys&learnerGroups=persistent_absence', ['Llais y dysgwyr ym Môn', 'Attendance figures']],
    ['nationalPriorities=attendance', ['Attendance figures']],
    ['firstHand=yes', ['Llais y dysgwyr ym Môn', 'Maths learning walk']],
    ['firstHand=no', ['Attendance figures', 'Parent survey']],
    ['fromBeyond=beyond', ['Maths learning walk']],
    ['fromBeyond=within', ['Llais y dysgwyr ym Môn', 'Attendance figures', 'Parent survey']],
    ['from=2026-09-10&to=2026-10-15', ['Maths learning walk', 'Attendance figures']],
    ['toReview=true', ['Llais y dysgwyr ym Môn']],
    ['archived=true', ['Archived walk']],
    ['year=2025', ['Last year walk']],
    ['source=learning_walk&firstHand=no', []],
  ])('filters by %s', async (query, expected) => {
    expect(await listFor(people.headteacher, query)).toEqual(expected);
  });

  it('counts each value given the other filters, and keeps ticked boxes ticked', async () => {
    const page = pageText((await (await visitorFor(people.headteacher)).get(listUrl('firstHand=no'))).body);
    expect(page).toContain('2 evidence items');
    expect(page).toContain('Survey (1)');
    expect(page).toContain('Aggregate data (1)');
    expect(page).toContain('Learning walk (0)');
    // The first-hand facet counts as if it were not ticked: what ticking the other value would add.
    expect(page).toContain('First-hand (2)');
    expect(page).toMatch(/name="firstHand" type="checkbox" value="no" checked/);
    expect(page).toContain('To review (0)');
  });

  it('speaks Welsh, with Welsh plurals', async () => {
    const visitor = await visitorFor(people.headteacher);
    const page = pageText((await visitor.get(listUrl('lang=cy&source=survey'))).body);
    expect(page).toContain('1 eitem tystiolaeth');
    expect(page).toContain('Arolwg (1)');
    expect(pageText((await visitor.get(listUrl('source=peer_enquiry'))).body)).toContain('Dim eitemau tystiolaeth');
  });

  it('ignores codes it does not know rather than failing', async () => {
    expect(await listFor(people.headteacher, 'source=nonsense&areas=made_up')).toHaveLength(4);
    expect((await (await visitorFor(people.headteacher)).get(listUrl('firstHand=maybe'))).statusCode).toBe(400);
  });
});

describe('pagination', () => {
  it('shows 20 items a page with GOV.UK pagination that keeps the filters', async () => {
    const other = await buildSchool(t.database.db);
    const head = await buildUser(t.database.db, { role: 'headteacher', scopeId: other.number });
    const cycle = await buildCycle(t.database.db, other.number);
    const day = (i: number) =>
      `2026-${String(9 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    await buildEvidence(
      t.database.db,
      other.number,
      cycle.id,
      Array.from({ length: 45 }, (_, i) => ({
        title: `Walk ${String(i).padStart(2, '0')}`,
        observedOn: day(i),
        source: i % 2 ? 'survey' : 'learning_walk',
      })),
    );
    const visitor = await visitorFor(head);
    const first = await visitor.get(`/schools/${other.number}/evidence`);
    expect(titles(first.body)).toHaveLength(20);
    expect(titles(first.body)[0]).toBe('Walk 44');
    expect(first.body).toContain(`href="/schools/${other.number}/evidence?page=3"`);
    const third = await visitor.get(`/schools/${other.number}/evidence?page=3`);
    expect(titles(third.body)).toEqual(['Walk 04', 'Walk 03', 'Walk 02', 'Walk 01', 'Walk 00']);
    const filtered = await visitor.get(`/schools/${other.number}/evidence?source=survey`);
    expect(pageText(filtered.body)).toContain('22 evidence items');
    expect(filtered.body).toContain(`href="/schools/${other.number}/evidence?source=survey&amp;page=2"`);
  });
});
