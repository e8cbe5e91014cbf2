import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { todayInWales } from '../../lib/clock.ts';
import { meetingActions, meetings, peerEnquiries, supportAgreements, supportRequests } from '../../db/schema/index.ts';
import { addDays } from './caseload-service.ts';

let t: TestApp;
const LA = '673';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const seen = (html: string) =>
  pageText(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
let partner: TestUser, officer: TestUser, headteacher: TestUser;
type School = Awaited<ReturnType<typeof buildSchool>>;
let a: School, b: School, d: School;
const today = todayInWales(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await buildSchool(db, { laCode: LA, name: 'Alpha Primary' });
  b = await buildSchool(db, { laCode: LA, name: 'Beta High', sector: 'secondary' });
  const c = await buildSchool(db, { laCode: LA, name: 'Gamma Primary' });
  d = await buildSchool(db, { laCode: '674', name: 'Delta Primary' });
  const x = await buildCollaborative(db, {
    laCode: LA,
    members: [a, b, d],
    nameEn: 'Alpha cluster',
    nameCy: 'Clwstwr Alffa',
  });
  partner = await buildFacilitator(db, x.id, LA);
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  headteacher = await buildUser(db, { role: 'headteacher', scopeId: a.number });

  const [meeting] = await db
    .insert(meetings)
    .values([
      { collaborativeId: x.id, title: 'Autumn cluster meeting', meetsOn: addDays(today, -20) },
      { collaborativeId: x.id, title: 'Next cluster meeting', meetsOn: addDays(today, 7) },
    ])
    .returning();
  await db.insert(meetingActions).values([
    { meetingId: meeting!.id, description: 'Circulate the reading audit', owner: 'Ann', dueOn: addDays(today, 10) },
    { meetingId: meeting!.id, description: 'Book the venue', owner: 'Bob', dueOn: addDays(today, -3) },
    {
      meetingId: meeting!.id,
      description: 'Already done action',
      owner: 'Cy',
      dueOn: addDays(today, 2),
      status: 'done',
    },
    { meetingId: meeting!.id, description: 'Far off action', owner: 'Di', dueOn: addDays(today, 60) },
  ]);
  const [ca, cb, cd] = [await buildCycle(db, a.number), await buildCycle(db, b.number), await buildCycle(db, d.number)];
  const sharedWithLa = await buildPriority(db, ca, { title: 'Reading for all' });
  await share(db, a.number, 'priority', sharedWithLa.id, 'la');
  await buildAction(db, sharedWithLa.id, { description: 'Train staff in guided reading', dueOn: addDays(today, 5) });
  await buildAction(db, sharedWithLa.id, { description: 'Late audit of books', dueOn: addDays(today, -2) });
  await buildAction(db, sharedWithLa.id, {
    description: 'Finished reading action',
    dueOn: addDays(today, 5),
    status: 'done',
  });
  await buildAction(db, sharedWithLa.id, { description: 'Next year reading action', dueOn: addDays(today, 200) });
  const unshared = await buildPriority(db, cb, { title: 'Private priority' });
  await buildAction(db, unshared.id, { description: 'Private action', dueOn: addDays(today, 5) });
  const draft = await buildPriority(db, cb, { title: 'Draft priority', state: 'draft' });
  await share(db, b.number, 'priority', draft.id, 'la');
  await buildAction(db, draft.id, { description: 'Draft action', dueOn: addDays(today, 5) });
  const otherLa = await buildPriority(db, cd, { title: 'Across the border' });
  await share(db, d.number, 'priority', otherLa.id, 'la');
  await buildAction(db, otherLa.id, { description: 'Other LA action', dueOn: addDays(today, 5) });
  await db.insert(peerEnquiries).values([
    {
      collaborativeId: x.id,
      hostSchoolNumber: b.number,
      question: 'How well do we use reading data?',
      state: 'agreed',
      visitStart: addDays(today, 14),
      visitEnd: addDays(today, 15),
    },
    {
      collaborativeId: x.id,
      hostSchoolNumber: b.number,
      question: 'A closed enquiry',
      state: 'closed',
      visitStart: addDays(today, -40),
    },
  ]);
  const [request] = await db
    .insert(supportRequests)
    .values({ schoolNumber: a.number, priorityId: sharedWithLa.id, need: 'Guided reading' })
    .returning();
  await db.insert(supportAgreements).values({
    requestId: request!.id,
    supportingSchoolNumber: c.number,
    what: 'Three coaching visits',
    endsOn: addDays(today, 40),
  });
});

afterAll(async () => t?.close());

describe('the caseload', () => {
  it('lists the collaboratives the partner facilitates, with the next meeting and meeting actions due or overdue', async () => {
    const html = (await (await as(partner)).get('/caseload')).body;
    const text = seen(html);
    expect(text).toContain('You facilitate 1 collaborative');
    expect(text).toContain('Alpha cluster');
    expect(text).toContain('Next cluster meeting');
    expect(text).toContain('Circulate the reading audit');
    expect(text).toMatch(/Book the venue \(Bob\): due [^.]*? Overdue/);
    expect(text).not.toContain('Already done action');
    expect(text).not.toContain('Far off action');
  });

  it('lists, per school supported, the shared plan actions due, the support agreed and the enquiries hosted', async () => {
    const html = (await (await as(partner)).get('/caseload')).body;
    const text = seen(html);
    expect(text).toContain('The 3 schools you support');
    const dueA = seen(html.split(`data-testid="due-${a.number}"`)[1]!.split('</ul>')[0]!);
    expect(dueA).toContain('Train staff in guided reading');
    expect(dueA).toMatch(/Late audit of books \. due [^.]*? Overdue/);
    expect(dueA).toContain('Support from Gamma Primary: Three coaching visits');
    expect(dueA).not.toContain('Finished reading action');
    expect(dueA).not.toContain('Next year reading action');
    const dueB = seen(html.split(`data-testid="due-${b.number}"`)[1]!.split('</ul>')[0]!);
    expect(dueB).toContain('How well do we use reading data?');
    expect(dueB).not.toContain('A closed enquiry');
    // Not shared with the LA, a draft, and another LA's school: never shown.
    for (const hidden of ['Private action', 'Draft action', 'Other LA action']) expect(html).not.toContain(hidden);
    expect(html).not.toContain(`data-testid="due-${d.number}"`);
  });

  it('speaks Welsh', async () => {
    const text = seen((await (await as(partner)).get('/caseload?lang=cy')).body);
    expect(text).toContain('Eich llwyth achosion');
    expect(text).toContain('Rydych yn hwyluso 1 grŵp cydweithredol');
    expect(text).toContain('Clwstwr Alffa');
  });

  it('tells an officer who facilitates nothing, and refuses a headteacher', async () => {
    const text = seen((await (await as(officer)).get('/caseload')).body);
    expect(text).toContain('You do not facilitate any collaborative yet.');
    expect(text).toContain('The local picture of your local authority');
    expect((await (await as(headteacher)).get('/caseload')).statusCode).toBe(403);
    expect((await new Visitor(t.app).get('/caseload')).statusCode).toBe(303);
  });

  it('links the caseload and the local picture from the home page of LA staff only', async () => {
    expect((await (await as(partner)).get('/')).body).toContain('href="/caseload"');
    expect((await (await as(headteacher)).get('/')).body).not.toContain('href="/caseload"');
  });
});
