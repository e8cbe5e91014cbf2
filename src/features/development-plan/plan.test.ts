import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildAction, buildCriteria, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { outputItemId } from '../../sharing/share-repository.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
const year = academicYearOf(new Date());
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const planUrl = () => `/schools/${school.number}/plan`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number);
  const agreed = await buildPriority(db, cycle, { title: 'Reading for eFSM learners' });
  await buildCriteria(db, agreed.id, ['90% of eFSM learners read at their chronological age']);
  await buildAction(db, agreed.id, { description: 'Late action', dueOn: '2020-01-01' });
  await buildAction(db, agreed.id, { description: 'Finished action', dueOn: '2020-01-01', status: 'done' });
  await buildAction(db, agreed.id, { description: 'Far-off action', dueOn: '2099-01-01' });
  await buildPriority(db, cycle, { title: 'Oracy draft', state: 'draft' });
  await buildPriority(db, cycle, { title: 'Closed last term', state: 'closed' });
  const forGovernors = await buildPriority(db, cycle, { title: 'Attendance for governors', state: 'in_progress' });
  await share(db, school.number, 'priority', forGovernors.id, 'governors');
  const forLa = await buildPriority(db, cycle, { title: 'Numeracy for the LA' });
  await share(db, school.number, 'priority', forLa.id, 'la');
});
afterAll(() => t.close());

describe('starting the plan', () => {
  it('tells a practitioner there is no plan yet, and refuses to let them start one', async () => {
    const practitioner = await as(people.practitioner);
    const page = await practitioner.get(planUrl());
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('has not started its development plan');
    expect(page.body).not.toContain('name="firstYear"');
    const post = await practitioner.post(planUrl(), { firstYear: String(year) }, { tokenFrom: planUrl() });
    expect(post.statusCode).toBe(403);
  });

  it('refuses a first year the plan could not start in, keeping the form', async () => {
    const head = await as(people.headteacher);
    const post = await head.post(planUrl(), { firstYear: String(year + 1) }, { tokenFrom: planUrl() });
    expect(post.statusCode).toBe(400);
    expect(pageText(post.body)).toContain('Choose the school year the plan starts in');
  });

  it('lets the headteacher start it with one click, this year by default, and audits it', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(planUrl());
    expect(form.body).toMatch(new RegExp(`value="${year}" checked`));
    const post = await head.post(planUrl(), { firstYear: String(year) }, { tokenFrom: planUrl() });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`${planUrl()}?done=plan-started`);
    expect(await auditEntries(t.database.db, 'plan-create')).toHaveLength(1);
    // Starting again changes nothing: there is one current plan.
    await head.post(planUrl(), { firstYear: String(year - 1) }, { tokenFrom: planUrl() });
    expect(await auditEntries(t.database.db, 'plan-create')).toHaveLength(1);
  });
});

describe('the plan page', () => {
  it('shows staff the priorities in the plan with criteria and actions, drafts apart, overdue actions marked', async () => {
    const page = await (await as(people.leader)).get(planUrl());
    const text = pageText(page.body);
    expect(page.statusCode).toBe(200);
    expect(text).toContain(`School development plan ${year} to ${year + 3}`);
    expect(text).toContain('Reading for eFSM learners');
    expect(text).toContain('90% of eFSM learners read at their chronological age');
    expect(text).toContain('Attendance for governors');
    expect(text).not.toContain('Closed last term');
    // The long list, below the overview of the plan's three years (which names drafts too).
    const [inPlan, drafts] = text
      .slice(text.indexOf('Priorities in the plan'))
      .split('Draft priorities: not yet in the plan');
    expect(inPlan).not.toContain('Oracy draft');
    expect(drafts).toContain('Oracy draft');
    expect(drafts).toContain('Draft: not yet in the plan');
    // Overdue stands out in words as well as colour; done and far-off actions do not.
    const late = page.body.slice(page.body.indexOf('Late action'), page.body.indexOf('Late action') + 400);
    expect(late).toContain('govuk-tag--red">Overdue');
    const finished = page.body.slice(page.body.indexOf('Finished action'), page.body.indexOf('Finished action') + 400);
    expect(finished).not.toContain('Overdue');
    expect(text).toContain('Not yet approved');
    expect(page.body).toContain('/plan/actions/');
    expect(page.body).toContain('Save a revision for governors');
  });

  it('lets a practitioner read the plan but offers no editing', async () => {
    const page = await (await as(people.practitioner)).get(planUrl());
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Reading for eFSM learners');
    expect(page.body).not.toContain('/actions/new');
    expect(page.body).not.toContain('/plan/summary"');
  });

  it('shows a governor only the priorities shared with governors', async () => {
    const text = pageText((await (await as(people.governor)).get(planUrl())).body);
    expect(text).toContain('Attendance for governors');
    expect(text).not.toContain('Reading for eFSM learners');
    expect(text).not.toContain('Numeracy for the LA');
    expect(text).not.toContain('Oracy draft');
    expect(text).toContain('You see only the priorities the school has shared with you.');
  });

  it('shows the LA only the priorities shared with the LA, and not the unshared summary', async () => {
    const page = await (await as(people.laOfficer)).get(planUrl());
    const text = pageText(page.body);
    expect(page.statusCode).toBe(200);
    expect(text).toContain('Numeracy for the LA');
    expect(text).not.toContain('Attendance for governors');
    expect(text).not.toContain('Reading for eFSM learners');
    expect(text).toContain('has not shared the summary');
    expect(page.body).not.toContain('/plan/revisions');
  });

  it('is not found for people of another school or LA, and asks the anonymous to sign in', async () => {
    for (const user of [
      people.otherGovernor,
      people.otherHeadteacher,
      people.otherLaOfficer,
      await buildUser(t.database.db),
    ]) {
      expect((await (await as(user)).get(planUrl())).statusCode).toBe(404);
    }
    const anonymous = await new Visitor(t.app).get(planUrl());
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(planUrl())}`);
  });

  it('is in Welsh when asked', async () => {
    const page = await (await as(people.headteacher)).get(`${planUrl()}?lang=cy`);
    const text = pageText(page.body);
    expect(page.body).toContain('<html lang="cy"');
    expect(text).toContain(`Cynllun datblygu ysgol ${year} i ${year + 3}`);
    expect(text).toContain('Yn hwyr');
    expect(text).toContain('Blaenoriaethau drafft');
    expect(text).toContain('Heb ei gymeradwyo eto');
  });
});

describe('the summary', () => {
  const summaryUrl = () => `${planUrl()}/summary`;
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

  it('is written by a leader, audited and shown on the plan', async () => {
    const leader = await as(people.leader);
    const form = await leader.get(summaryUrl());
    const saved = await leader.post(
      summaryUrl(),
      { version: versionOn(form.body), summary: 'We will help every learner read well.' },
      { tokenFrom: summaryUrl() },
    );
    expect(saved.statusCode).toBe(303);
    expect(pageText((await leader.get(planUrl())).body)).toContain('We will help every learner read well.');
    expect(await auditEntries(t.database.db, 'plan-summary-update')).toHaveLength(1);
  });

  it('is shown to governors, who read the plan they own', async () => {
    expect(pageText((await (await as(people.governor)).get(planUrl())).body)).toContain(
      'We will help every learner read well.',
    );
  });

  it('is shown to the LA once the school shares its SDP summary with the LA', async () => {
    await share(t.database.db, school.number, 'output', outputItemId(school.number, 'sdp_summary'), 'la');
    expect(pageText((await (await as(people.laOfficer)).get(planUrl())).body)).toContain(
      'We will help every learner read well.',
    );
  });

  it('refuses a practitioner (403) and a governor (403)', async () => {
    for (const user of [people.practitioner, people.governor]) {
      const visitor = await as(user);
      expect((await visitor.get(summaryUrl())).statusCode).toBe(403);
      expect(
        (await visitor.post(summaryUrl(), { version: '1', summary: 'x' }, { tokenFrom: planUrl() })).statusCode,
      ).toBe(403);
    }
  });

  it('never silently overwrites: the second person to save from an older version sees theirs beside yours', async () => {
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    const headForm = await head.get(summaryUrl());
    const leaderForm = await leader.get(summaryUrl());
    expect(
      (
        await head.post(
          summaryUrl(),
          { version: versionOn(headForm.body), summary: 'Head version' },
          { tokenFrom: summaryUrl() },
        )
      ).statusCode,
    ).toBe(303);
    const conflict = await leader.post(
      summaryUrl(),
      { version: versionOn(leaderForm.body), summary: 'Leader version' },
      { tokenFrom: summaryUrl() },
    );
    expect(conflict.statusCode).toBe(409);
    const text = pageText(conflict.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toContain('Head version');
    expect(text).toContain('Leader version');
    expect(pageText((await head.get(planUrl())).body)).toContain('Head version');
    // Saving again from the conflict page keeps the leader's text, knowingly.
    const again = await leader.post(
      summaryUrl(),
      { version: versionOn(conflict.body), summary: 'Leader version' },
      { tokenFrom: summaryUrl() },
    );
    expect(again.statusCode).toBe(303);
    expect(pageText((await head.get(planUrl())).body)).toContain('Leader version');
  });

  it('refuses a summary that is too long, keeping what was typed', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(summaryUrl());
    const long = 'a'.repeat(5001);
    const response = await head.post(
      summaryUrl(),
      { version: versionOn(form.body), summary: long },
      { tokenFrom: summaryUrl() },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(long);
    expect(pageText(response.body)).toContain('The summary must be 5,000 characters or fewer');
  });
});
