import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  developmentPlans,
  planActions,
  planActionSupport,
  supportAgreements,
  supportRequests,
} from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

// Issue 15: support asked on an action becomes a support request its broker sees, and the action
// shows what became of it.
let t: TestApp;
const A = '672';
type School = Awaited<ReturnType<typeof buildSchool>>;
let school: School, partner: School, stranger: School;
let people: SchoolPeople, lead: TestUser, strangerLead: TestUser;
let priorityId: string, beta: string, strangersCollaborative: string;
const db = () => t.database.db;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(db(), user.id));
const newUrl = () => `/schools/${school.number}/plan/priorities/${priorityId}/actions/new`;
const editUrl = (id: string) => `/schools/${school.number}/plan/actions/${id}/edit`;
const planUrl = () => `/schools/${school.number}/plan`;
const laPage = `/local-authorities/${A}/brokering`;
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

const action = (description: string, supportFrom: string, supportDetail: string, extra = {}) => ({
  description,
  ownerUserId: 'outside',
  owner: 'Literacy lead',
  'dueOn-day': '31',
  'dueOn-month': '3',
  'dueOn-year': '2027',
  supportFrom,
  supportDetail,
  status: 'not_started',
  ...extra,
});

const requestsOnPriority = () => db().select().from(supportRequests).where(eq(supportRequests.priorityId, priorityId));
const actionNamed = async (description: string) =>
  (await db().select().from(planActions).where(eq(planActions.description, description)))[0]!;
const linkOf = async (actionId: string) =>
  (await db().select().from(planActionSupport).where(eq(planActionSupport.actionId, actionId)))[0]?.requestId ?? null;

async function add(body: Record<string, string>, query = '') {
  const leader = await as(people.leader);
  return leader.post(`${newUrl()}${query}`, body, { tokenFrom: newUrl() });
}

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(db(), { laCode: A, name: 'Asking Primary' });
  partner = await buildSchool(db(), { laCode: A, name: 'Helping Primary' });
  stranger = await buildSchool(db(), { laCode: '670', name: 'Stranger Primary' });
  people = await buildSchoolPeople(db(), school);
  priorityId = (await buildPriority(db(), await buildCycle(db(), school.number), { title: 'Reading for all' })).id;
  await share(db(), school.number, 'priority', priorityId, 'governors');
  await db()
    .insert(developmentPlans)
    .values({ schoolNumber: school.number, firstYear: academicYearOf(t.clock.now()) });
  await buildCollaborative(db(), { laCode: A, members: [school, partner], nameEn: 'Alpha cluster' });
  beta = (
    await buildCollaborative(db(), { laCode: A, members: [school], nameEn: 'Beta cluster', nameCy: 'Clwstwr Beta' })
  ).id;
  strangersCollaborative = (await buildCollaborative(db(), { laCode: '670', members: [stranger] })).id;
  lead = await buildUser(db());
  await makeLead(db(), beta, lead);
  strangerLead = await buildUser(db());
  await makeLead(db(), strangersCollaborative, strangerLead);
  await relayAll(db());
});
afterAll(() => t.close());

describe('asking the local authority for support on an action', () => {
  let requestId: string;

  it('raises a request on the priority, linked to the action, audited, and tells the LA', async () => {
    const response = await add(action('Coach teaching assistants', 'la', 'Phonics training for TAs'));
    expect(response.statusCode).toBe(303);
    const [request, ...more] = await requestsOnPriority();
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      schoolNumber: school.number,
      brokerCollaborativeId: null,
      status: 'open',
      fromPlan: true,
      need: 'Phonics training for TAs\n\nCoach teaching assistants',
      createdBy: people.leader.id,
    });
    requestId = request!.id;
    const saved = await actionNamed('Coach teaching assistants');
    expect(await linkOf(saved.id)).toBe(requestId);
    expect(await auditEntries(db(), 'support-request-create', requestId)).toHaveLength(1);
    expect(await auditEntries(db(), 'plan-action-support-link', saved.id)).toHaveLength(1);
    const told = toldOf(await relayAll(db()), 'support_requested');
    expect(told.get(people.laOfficer.id)).toBe(laPage);
    expect(told.has(people.otherLaOfficer.id)).toBe(false);
  });

  it('is in the LA’s brokering queue and on the school’s support page, and nowhere it should not be', async () => {
    const queue = pageText((await (await as(people.laOfficer)).get(laPage)).body);
    expect(queue).toContain('Phonics training for TAs');
    expect(queue).toContain('Asking Primary');
    const supportPage = await (await as(people.practitioner)).get(`/schools/${school.number}/support`);
    expect(pageText(supportPage.body)).toContain('Phonics training for TAs');
    expect(supportPage.body).toContain(`id="request-${requestId}"`);
    const otherLa = await as(people.otherLaOfficer);
    expect((await otherLa.get(laPage)).statusCode).toBe(404);
    expect(pageText((await otherLa.get('/local-authorities/660/brokering')).body)).not.toContain('Phonics training');
    const otherHead = await as(people.otherHeadteacher);
    expect([403, 404]).toContain((await otherHead.get(`/schools/${school.number}/support`)).statusCode);
    expect([403, 404]).toContain((await otherHead.get(planUrl())).statusCode);
    expect(pageText((await (await as(lead)).get(`/collaboratives/${beta}/brokering`)).body)).not.toContain(
      'Phonics training',
    );
  });

  it('shows on the action its request’s status, with a link for staff only, in both languages', async () => {
    const link = `/schools/${school.number}/support#request-${requestId}`;
    const leader = await as(people.leader);
    const plan = await leader.get(planUrl());
    expect(visibleText(plan.body)).toContain('Request for support');
    expect(visibleText(plan.body)).toContain('Waiting for a match');
    expect(visibleText(plan.body)).toContain('Brokered by your local authority');
    expect(plan.body).toContain(`href="${link}"`);
    const welsh = visibleText((await leader.get(`${planUrl()}?lang=cy`)).body);
    expect(welsh).toContain('Cais am gymorth');
    expect(welsh).toContain('Yn aros am baru');
    expect(welsh).toContain("Wedi'i frocera gan eich awdurdod lleol");
    const saved = await actionNamed('Coach teaching assistants');
    const edit = await leader.get(`${editUrl(saved.id)}?lang=en`);
    expect(visibleText(edit.body)).toContain('Waiting for a match');
    expect(edit.body).toContain(`href="${link}"`);
    // A governor reads the shared priority's actions and their requests, without a link to a page they cannot open.
    const governor = await (await as(people.governor)).get(planUrl());
    expect(visibleText(governor.body)).toContain('Waiting for a match');
    expect(governor.body).not.toContain(link);
  });

  it('lets a second action asking the LA join the open request, adding its need, telling nobody twice', async () => {
    expect((await add(action('Moderate writing', 'la', 'Moderation visits'))).statusCode).toBe(303);
    const requests = await requestsOnPriority();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.need).toBe(
      'Phonics training for TAs\n\nCoach teaching assistants\n\nModeration visits\n\nModerate writing',
    );
    expect(await linkOf((await actionNamed('Moderate writing')).id)).toBe(requestId);
    expect(await auditEntries(db(), 'support-request-join', requestId)).toHaveLength(1);
    expect(toldOf(await relayAll(db()), 'support_requested').size).toBe(0);
  });

  it('keeps the request while another action still asks, and withdraws it when the last one stops', async () => {
    const leader = await as(people.leader);
    const first = await actionNamed('Coach teaching assistants');
    const url = editUrl(first.id);
    const changed = await leader.post(
      url,
      { ...action('Coach teaching assistants', 'none', ''), version: versionOn((await leader.get(url)).body) },
      { tokenFrom: url },
    );
    expect(changed.statusCode).toBe(303);
    expect(await linkOf(first.id)).toBeNull();
    expect((await requestsOnPriority())[0]!.status).toBe('open');
    expect(await auditEntries(db(), 'plan-action-support-unlink', first.id)).toHaveLength(1);
    const second = await actionNamed('Moderate writing');
    const removeUrl = `/schools/${school.number}/plan/actions/${second.id}/remove`;
    expect(visibleText((await leader.get(`${removeUrl}?lang=en`)).body)).toContain(
      'Its request for support is withdrawn too, unless another action still asks through it.',
    );
    expect(visibleText((await leader.get(`${removeUrl}?lang=cy`)).body)).toContain(
      "Caiff ei gais am gymorth ei dynnu'n ôl hefyd",
    );
    expect((await leader.post(removeUrl, {}, { tokenFrom: removeUrl })).statusCode).toBe(303);
    expect((await requestsOnPriority())[0]!.status).toBe('withdrawn');
    expect(await auditEntries(db(), 'support-request-withdraw', requestId)).toHaveLength(1);
    expect(pageText((await (await as(people.laOfficer)).get(laPage)).body)).not.toContain('Phonics training');
  });
});

describe('asking a collaborative for support on an action', () => {
  it('offers the school’s collaboratives to choose from, and refuses a missing or foreign choice (400), saving nothing', async () => {
    const leader = await as(people.leader);
    const form = visibleText((await leader.get(newUrl())).body);
    expect(form).toContain('Alpha cluster');
    expect(form).toContain('Beta cluster');
    const before = (await db().select().from(planActions)).length;
    const missing = await add(action('Visit a partner', 'collaborative', 'Lesson visits'));
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Choose which collaborative to ask');
    const welsh = await add(action('Visit a partner', 'collaborative', 'Lesson visits'), '?lang=cy');
    expect(pageText(welsh.body)).toContain('Dewiswch pa grŵp cydweithredol i ofyn iddo');
    const foreign = await add(
      action('Visit a partner', 'collaborative', 'Lesson visits', { supportCollaborativeId: strangersCollaborative }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(pageText(foreign.body)).toContain("Choose one of your school's collaboratives");
    const garbage = await add(
      action('Visit a partner', 'collaborative', 'Lesson visits', { supportCollaborativeId: 'x; drop table' }),
    );
    expect(garbage.statusCode).toBe(400);
    expect((await db().select().from(planActions)).length).toBe(before);
    expect(
      (
        await db()
          .select()
          .from(supportRequests)
          .where(eq(supportRequests.brokerCollaborativeId, strangersCollaborative))
      ).length,
    ).toBe(0);
    expect(toldOf(await relayAll(db()), 'support_requested').size).toBe(0);
  });

  it('raises a request the chosen collaborative brokers, not the LA, and tells its lead', async () => {
    const saved = await add(
      action('Visit a partner', 'collaborative', 'Lesson visits', { supportCollaborativeId: beta }),
    );
    expect(saved.statusCode).toBe(303);
    const [request] = await db()
      .select()
      .from(supportRequests)
      .where(and(eq(supportRequests.priorityId, priorityId), eq(supportRequests.brokerCollaborativeId, beta)));
    expect(request).toMatchObject({ status: 'open', need: 'Lesson visits\n\nVisit a partner' });
    expect(toldOf(await relayAll(db()), 'support_requested').get(lead.id)).toBe(`/collaboratives/${beta}/brokering`);
    expect(pageText((await (await as(lead)).get(`/collaboratives/${beta}/brokering`)).body)).toContain('Lesson visits');
    expect(
      pageText((await (await as(strangerLead)).get(`/collaboratives/${strangersCollaborative}/brokering`)).body),
    ).not.toContain('Lesson visits');
    const leader = await as(people.leader);
    const edit = await leader.get(editUrl((await actionNamed('Visit a partner')).id));
    expect(edit.body).toMatch(new RegExp(`<option value="${beta}" selected`));
    expect(visibleText((await leader.get(`${planUrl()}?lang=cy`)).body)).toContain("Wedi'i frocera gan Clwstwr Beta");
  });

  it('shows the match on the action, and never withdraws agreed support when the action stops asking', async () => {
    const visit = await actionNamed('Visit a partner');
    const requestId = (await linkOf(visit.id))!;
    await db().update(supportRequests).set({ status: 'matched' }).where(eq(supportRequests.id, requestId));
    await db().insert(supportAgreements).values({
      requestId,
      supportingSchoolNumber: partner.number,
      what: 'Two lesson visits in spring',
    });
    const leader = await as(people.leader);
    const plan = visibleText((await leader.get(`${planUrl()}?lang=en`)).body);
    expect(plan).toContain('Matched with Helping Primary: Two lesson visits in spring');
    expect(plan).toContain('Support agreed');
    expect(visibleText((await leader.get(`${planUrl()}?lang=cy`)).body)).toContain("Wedi'i baru â Helping Primary");
    const url = editUrl(visit.id);
    expect(visibleText((await leader.get(`${url}?lang=en`)).body)).toContain('Matched with Helping Primary');
    const changed = await leader.post(
      url,
      { ...action('Visit a partner', 'none', ''), version: versionOn((await leader.get(url)).body) },
      { tokenFrom: url },
    );
    expect(changed.statusCode).toBe(303);
    expect((await db().select().from(supportRequests).where(eq(supportRequests.id, requestId)))[0]!.status).toBe(
      'matched',
    );
    expect(await db().select().from(supportAgreements).where(eq(supportAgreements.requestId, requestId))).toHaveLength(
      1,
    );
    expect(await linkOf(visit.id)).toBeNull();
  });
});
