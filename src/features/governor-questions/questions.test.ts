import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildCycle, buildEvidence, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { governorThreadMessages, governorThreads } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let chair: { id: string };
let sharedPriority: string;
let privatePriority: string;
let sharedEvidence: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const base = () => `/schools/${school.number}`;
const priorityPage = (id: string) => `${base()}/priorities/${id}`;
const db = () => t.database.db;

async function ask(user: { id: string }, form: Record<string, string>) {
  const visitor = await as(user);
  return visitor.post(`${base()}/questions`, { kind: 'question', ...form }, { tokenFrom: '/account/password' });
}
async function threadOn(itemId: string) {
  const [thread] = await db().select().from(governorThreads).where(eq(governorThreads.itemId, itemId));
  return thread!;
}

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(db());
  people = await buildSchoolPeople(db(), school);
  chair = await buildUser(db(), { role: 'chair_of_governors', scopeId: school.governingBodyId });
  const cycle = await buildCycle(db(), school.number);
  sharedPriority = (await buildPriority(db(), cycle, { title: 'Reading for eFSM learners' })).id;
  privatePriority = (await buildPriority(db(), cycle, { title: 'Staffing changes' })).id;
  sharedEvidence = (await buildEvidence(db(), cycle, { title: 'Learning walk: reading' })).id;
  await share(db(), school.number, 'priority', sharedPriority, 'governors');
  await share(db(), school.number, 'evidence', sharedEvidence, 'governors');
  const head = await as(people.headteacher);
  await head.post(`${base()}/plan`, { firstYear: String(academicYearOf(new Date())) }, { tokenFrom: `${base()}/plan` });
});
afterAll(() => t.close());

describe('a governor asks about something shared with governors', () => {
  it('keeps the question with the priority, audits it and tells the headteacher', async () => {
    const response = await ask(people.governor, {
      itemType: 'priority',
      itemId: sharedPriority,
      body: 'How will we know reading has improved by the summer?',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${priorityPage(sharedPriority)}#questions`);
    const thread = await threadOn(sharedPriority);
    expect(thread).toMatchObject({
      kind: 'question',
      status: 'open',
      askedBy: people.governor.id,
      itemType: 'priority',
    });
    const entries = await auditEntries(db(), 'governor-thread-open', thread.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ body: 'How will we know reading has improved by the summer?' });
    const told = toldOf(await relayAll(db()), 'governor_question_asked');
    expect([...told.keys()]).toEqual([people.headteacher.id]);
    expect(told.get(people.headteacher.id)).toBe(`${priorityPage(sharedPriority)}#questions`);
    const page = pageText((await (await as(people.governor)).get(priorityPage(sharedPriority))).body);
    expect(page).toContain('How will we know reading has improved by the summer?');
    expect(page).toContain('Waiting for an answer');
  });

  it('is refused on an item not shared with governors (404), leaving nothing behind', async () => {
    const before = (await db().select().from(governorThreads)).length;
    expect(
      (await ask(people.governor, { itemType: 'priority', itemId: privatePriority, body: 'Why?' })).statusCode,
    ).toBe(404);
    // An id of another type, or one that names nothing, is no item either.
    expect((await ask(people.governor, { itemType: 'finding', itemId: sharedPriority, body: 'Why?' })).statusCode).toBe(
      404,
    );
    expect((await db().select().from(governorThreads)).length).toBe(before);
    // And the page of the unshared item is not theirs to read.
    expect((await (await as(people.governor)).get(priorityPage(privatePriority))).statusCode).toBe(404);
  });

  it('is refused to another school’s governor (404) and to the school’s staff and LA, who do not ask (403)', async () => {
    const form = { itemType: 'priority', itemId: sharedPriority, body: 'A question' };
    expect((await ask(people.otherGovernor, form)).statusCode).toBe(404);
    for (const user of [people.headteacher, people.practitioner, people.laOfficer])
      expect((await ask(user, form)).statusCode).toBe(403);
  });

  it('answers hostile input with a translated 400 that changes nothing', async () => {
    const before = (await db().select().from(governorThreadMessages)).length;
    const empty = await ask(people.governor, { itemType: 'priority', itemId: sharedPriority, body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(pageText(empty.body)).toContain('Enter your message');
    const long = await ask(people.governor, { itemType: 'priority', itemId: sharedPriority, body: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(pageText(long.body)).toContain('5,000 characters or fewer');
    // Kept: the governor's words come back in the form.
    expect(long.body).toContain('x'.repeat(5001));
    const welsh = await (
      await as(people.governor)
    ).post(
      `${base()}/questions?lang=cy`,
      { kind: 'question', itemType: 'priority', itemId: sharedPriority, body: '' },
      { tokenFrom: '/account/password' },
    );
    expect(pageText(welsh.body)).toContain('Rhowch eich neges');
    const hostile: Record<string, string>[] = [
      { itemType: 'priority', itemId: 'not-an-id', body: 'x' },
      { itemType: 'cycle', itemId: sharedPriority, body: 'x' },
      { itemType: 'priority', itemId: sharedPriority, body: 'x', kind: 'demand' },
      { itemType: 'priority', itemId: sharedPriority, body: 'x'.repeat(20_001) },
    ];
    for (const form of hostile) expect((await ask(people.governor, form)).statusCode).toBe(400);
    expect((await db().select().from(governorThreadMessages)).length).toBe(before);
  });
});

describe('the school answers', () => {
  it('lets a practitioner read the thread but not answer it (403)', async () => {
    const thread = await threadOn(sharedPriority);
    const practitioner = await as(people.practitioner);
    const page = pageText((await practitioner.get(priorityPage(sharedPriority))).body);
    expect(page).toContain('How will we know reading has improved by the summer?');
    expect(page).toContain('The headteacher and school leaders answer');
    const response = await practitioner.post(
      `${base()}/questions/${thread.id}/messages`,
      { body: 'I can answer that' },
      { tokenFrom: '/account/password' },
    );
    expect(response.statusCode).toBe(403);
    // The LA reads the priority only if shared with it, and never the governors' threads.
    expect(
      (
        await (
          await as(people.laOfficer)
        ).post(`${base()}/questions/${thread.id}/messages`, { body: 'x' }, { tokenFrom: '/account/password' })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a thread named through another school or by no id (404), and hostile bodies and filters (400)', async () => {
    const thread = await threadOn(sharedPriority);
    const other = await buildSchool(db());
    const otherHead = await buildUser(db(), { role: 'headteacher', scopeId: other.number });
    const visitor = await as(otherHead);
    const form = { body: 'Answered from elsewhere' };
    const options = { tokenFrom: '/account/password' };
    expect(
      (await visitor.post(`/schools/${other.number}/questions/${thread.id}/messages`, form, options)).statusCode,
    ).toBe(404);
    expect((await visitor.post(`/schools/${other.number}/questions/${thread.id}/close`, {}, options)).statusCode).toBe(
      404,
    );
    const head = await as(people.headteacher);
    expect((await head.post(`${base()}/questions/not-a-thread/messages`, form, options)).statusCode).toBe(404);
    expect(
      (await head.post(`${base()}/questions/${thread.id}/messages`, { body: 'x'.repeat(20_001) }, options)).statusCode,
    ).toBe(400);
    expect((await head.get(`${base()}/questions?status=everything`)).statusCode).toBe(400);
    expect(await auditEntries(db(), 'governor-thread-message', thread.id)).toHaveLength(0);
  });

  it('marks the question answered when a leader answers, audits both, and tells the asker', async () => {
    const thread = await threadOn(sharedPriority);
    const leader = await as(people.leader);
    const response = await leader.post(
      `${base()}/questions/${thread.id}/messages`,
      { body: 'Reading ages are measured each term; we will report them to you in March.' },
      { tokenFrom: '/account/password' },
    );
    expect(response.statusCode).toBe(303);
    expect((await threadOn(sharedPriority)).status).toBe('answered');
    const messages = await db()
      .select()
      .from(governorThreadMessages)
      .where(eq(governorThreadMessages.threadId, thread.id));
    expect(messages.map((m) => m.side)).toEqual(['governor', 'school']);
    expect(await auditEntries(db(), 'governor-thread-message', thread.id)).toHaveLength(1);
    const status = await auditEntries(db(), 'governor-thread-status', thread.id);
    expect(status.map((e) => [e.before, e.after])).toEqual([[{ status: 'open' }, { status: 'answered' }]]);
    const told = toldOf(await relayAll(db()), 'governor_question_answered');
    expect([...told.keys()]).toEqual([people.governor.id]);
  });

  it('opens it again when a governor follows up, and lets the asker close it', async () => {
    const thread = await threadOn(sharedPriority);
    const chairVisitor = await as(chair);
    expect(
      (
        await chairVisitor.post(
          `${base()}/questions/${thread.id}/messages`,
          { body: 'And for boys?' },
          { tokenFrom: '/account/password' },
        )
      ).statusCode,
    ).toBe(303);
    expect((await threadOn(sharedPriority)).status).toBe('open');
    // The chair did not ask it, so may not close it; the governor who asked may.
    expect(
      (await chairVisitor.post(`${base()}/questions/${thread.id}/close`, {}, { tokenFrom: '/account/password' }))
        .statusCode,
    ).toBe(403);
    const governor = await as(people.governor);
    expect(
      (await governor.post(`${base()}/questions/${thread.id}/close`, {}, { tokenFrom: '/account/password' }))
        .statusCode,
    ).toBe(303);
    expect((await threadOn(sharedPriority)).status).toBe('closed');
    expect((await auditEntries(db(), 'governor-thread-status', thread.id)).map((e) => e.after)).toEqual([
      { status: 'answered' },
      { status: 'open' },
      { status: 'closed' },
    ]);
    // A closed thread takes no more messages: the form again, 409.
    const late = await (
      await as(people.headteacher)
    ).post(`${base()}/questions/${thread.id}/messages`, { body: 'One more thing' }, { tokenFrom: '/account/password' });
    expect(late.statusCode).toBe(409);
  });
});

describe('questions on the plan and its revisions', () => {
  it('keeps a comment on the plan, shown on the plan page', async () => {
    const plan = await (await as(people.governor)).get(`${base()}/plan`);
    const planId = /name="itemType" value="plan"><input type="hidden" name="itemId" value="([^"]+)"/.exec(
      plan.body,
    )?.[1];
    expect(planId).toBeDefined();
    const response = await ask(people.governor, {
      itemType: 'plan',
      itemId: planId!,
      kind: 'comment',
      body: 'A clear plan.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${base()}/plan#questions`);
    const page = pageText((await (await as(people.headteacher)).get(`${base()}/plan`)).body);
    expect(page).toContain('A clear plan.');
    expect(page).toContain('Answer for the school');
  });

  it('keeps a question on a revision; another school’s plan is no item here', async () => {
    const head = await as(people.headteacher);
    await head.post(
      `${base()}/plan/revisions`,
      { note: 'For the autumn meeting' },
      { tokenFrom: `${base()}/plan/revisions` },
    );
    const page = await (await as(people.governor)).get(`${base()}/plan/revisions/1`);
    const revisionId = /name="itemType" value="plan_revision"><input type="hidden" name="itemId" value="([^"]+)"/.exec(
      page.body,
    )?.[1];
    const response = await ask(people.governor, {
      itemType: 'plan_revision',
      itemId: revisionId!,
      body: 'What changed since June?',
    });
    expect(response.headers.location).toBe(`${base()}/plan/revisions/1#questions`);
    expect(pageText((await head.get(`${base()}/plan/revisions/1`)).body)).toContain('What changed since June?');
    // The same revision asked about through another school's address: not found there.
    const other = await buildSchool(db());
    const otherGovernor = await buildUser(db(), { role: 'governor', scopeId: other.governingBodyId });
    const visitor = await as(otherGovernor);
    const refused = await visitor.post(
      `/schools/${other.number}/questions`,
      { kind: 'question', itemType: 'plan_revision', itemId: revisionId!, body: 'x' },
      { tokenFrom: '/account/password' },
    );
    expect(refused.statusCode).toBe(404);
  });
});

describe('the list of questions from governors', () => {
  it('shows governors and staff which questions are open, filtered by status', async () => {
    await ask(people.governor, { itemType: 'evidence', itemId: sharedEvidence, body: 'Which classes were visited?' });
    const governorList = pageText((await (await as(people.governor)).get(`${base()}/questions`)).body);
    expect(governorList).toContain('Which classes were visited?');
    expect(governorList).toContain('What changed since June?');
    expect(governorList).not.toContain('How will we know reading'); // closed
    const closed = pageText((await (await as(people.headteacher)).get(`${base()}/questions?status=closed`)).body);
    expect(closed).toContain('How will we know reading');
    expect(closed).toContain('Reading for eFSM learners');
  });

  it('hides from governors a thread whose item is no longer shared with them; staff still see it', async () => {
    await db().execute(sql`delete from shares where item_id = ${sharedEvidence} and audience = 'governors'`);
    expect(pageText((await (await as(people.governor)).get(`${base()}/questions`)).body)).not.toContain(
      'Which classes',
    );
    expect(pageText((await (await as(people.leader)).get(`${base()}/questions`)).body)).toContain('Which classes');
  });

  it('is refused to the LA (403) and to another school’s governor (404)', async () => {
    expect((await (await as(people.laOfficer)).get(`${base()}/questions`)).statusCode).toBe(403);
    expect((await (await as(people.otherGovernor)).get(`${base()}/questions`)).statusCode).toBe(404);
  });

  it('lists on the home page the questions waiting for a leader, and a governor’s answered questions', async () => {
    const leaderHome = pageText((await (await as(people.leader)).get('/')).body);
    expect(leaderHome).toContain('Questions from governors waiting for your answer');
    expect(leaderHome).toContain('What changed since June?');
    expect(leaderHome).not.toContain('A clear plan.'); // a comment waits for no answer
    // Answered: it leaves the leaders' list and comes to the governor who asked.
    const [revisionThread] = await db()
      .select()
      .from(governorThreads)
      .where(eq(governorThreads.itemType, 'plan_revision'));
    await (
      await as(people.headteacher)
    ).post(
      `${base()}/questions/${revisionThread!.id}/messages`,
      { body: 'The reading priority gained two actions.' },
      { tokenFrom: '/account/password' },
    );
    expect(pageText((await (await as(people.leader)).get('/')).body)).not.toContain('What changed since June?');
    const governorHome = pageText((await (await as(people.governor)).get('/')).body);
    expect(governorHome).toContain('Answers to your questions');
    expect(governorHome).toContain('What changed since June?');
    expect(pageText((await (await as(chair)).get('/')).body)).not.toContain('What changed since June?');
    expect(pageText((await (await as(people.practitioner)).get('/')).body)).not.toContain('What changed since June?');
  });

  it('links from the plan page with the number waiting for an answer', async () => {
    const page = pageText((await (await as(people.headteacher)).get(`${base()}/plan`)).body);
    expect(page).toMatch(/Questions from governors \(\d+ waiting for an answer\)/);
    expect(pageText((await (await as(people.laOfficer)).get(`${base()}/plan`)).body)).not.toContain(
      'Questions from governors',
    );
  });
});
