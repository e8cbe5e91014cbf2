import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildEvidence, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { collaborativeMembers, findingEvidence, findings, shares, users } from '../../db/schema/index.ts';
import { deleteShare, type ShareableType } from '../../sharing/share-repository.ts';

let t: TestApp;
const LA = '670';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
type School = Awaited<ReturnType<typeof buildSchool>>;
let a: School, b: School, c: School, d: School;
let x: { id: string }, y: { id: string };
let headA: TestUser,
  practitionerB: TestUser,
  lead: TestUser,
  facilitator: TestUser,
  laOfficer: TestUser,
  otherLaOfficer: TestUser,
  headD: TestUser;
const ids = {} as Record<
  | 'evidenceA'
  | 'privateEvidenceA'
  | 'archivedA'
  | 'findingA'
  | 'findingOnlyY'
  | 'priorityA'
  | 'priorityB'
  | 'priorityB2'
  | 'evidenceC',
  string
>;
let minute = 0;

async function shareWith(
  collaborativeId: string,
  schoolNumber: string,
  itemType: ShareableType,
  itemId: string,
  by: TestUser,
) {
  minute++;
  await t.database.db.insert(shares).values({
    itemType,
    itemId,
    schoolNumber,
    audience: 'collaborative',
    audienceId: collaborativeId,
    sharedBy: by.id,
    sharedAt: new Date(Date.UTC(2026, 0, 10, 9, minute)),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await buildSchool(db, { laCode: LA, name: 'Ysgol Afon' });
  b = await buildSchool(db, { laCode: LA, name: 'Bryn Primary' });
  c = await buildSchool(db, { laCode: LA, name: 'Cwm Primary' });
  d = await buildSchool(db, { laCode: LA, name: 'Dyffryn High' });
  x = await buildCollaborative(db, { laCode: LA, members: [a, b, c], nameEn: 'Afon cluster', nameCy: 'Clwstwr Afon' });
  y = await buildCollaborative(db, { laCode: LA, members: [a, d], kind: 'horizontal' });
  headA = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  practitionerB = await buildUser(db, { role: 'practitioner', scopeId: b.number });
  headD = await buildUser(db, { role: 'headteacher', scopeId: d.number });
  await db.update(users).set({ displayName: 'Bethan Jones' }).where(eq(users.id, practitionerB.id));
  lead = await buildUser(db);
  await makeLead(db, x.id, lead);
  facilitator = await buildFacilitator(db, x.id, LA);
  laOfficer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  otherLaOfficer = await buildUser(db, { role: 'la_officer', scopeId: '672' });

  const [cycleA, cycleB, cycleC] = [
    await buildCycle(db, a.number),
    await buildCycle(db, b.number),
    await buildCycle(db, c.number),
  ];
  ids.evidenceA = (
    await buildEvidence(db, cycleA, {
      title: 'Learning walk: guided reading',
      body: 'Pupils read aloud in small groups.',
      nifThemes: ['curriculum_teaching'],
    })
  ).id;
  ids.privateEvidenceA = (await buildEvidence(db, cycleA, { title: 'Private book scrutiny' })).id;
  ids.archivedA = (await buildEvidence(db, cycleA, { title: 'Withdrawn survey', archived: true })).id;
  const [finding] = await db
    .insert(findings)
    .values({ schoolNumber: a.number, cycleId: cycleA.id, kind: 'strength', title: 'Reading for pleasure is strong' })
    .returning();
  ids.findingA = finding!.id;
  await db.insert(findingEvidence).values([
    { findingId: finding!.id, evidenceId: ids.evidenceA },
    { findingId: finding!.id, evidenceId: ids.privateEvidenceA },
  ]);
  const [otherFinding] = await db
    .insert(findings)
    .values({ schoolNumber: a.number, cycleId: cycleA.id, kind: 'area_for_development', title: 'Maths talk is thin' })
    .returning();
  ids.findingOnlyY = otherFinding!.id;
  ids.priorityA = (
    await buildPriority(db, cycleA, {
      title: 'Improve reading for eFSM learners',
      nifTheme: 'curriculum_teaching',
      nationalPriorities: ['literacy'],
    })
  ).id;
  ids.priorityB = (
    await buildPriority(db, cycleB, {
      title: 'Oracy across the school',
      nifTheme: 'curriculum_teaching',
      nationalPriorities: ['literacy'],
    })
  ).id;
  ids.priorityB2 = (
    await buildPriority(db, cycleB, {
      title: 'Attendance of Year 6',
      nifTheme: 'wellbeing_equity',
      nationalPriorities: ['attendance'],
    })
  ).id;
  ids.evidenceC = (await buildEvidence(db, cycleC, { title: 'Cwm staff survey' })).id;

  await shareWith(x.id, a.number, 'evidence', ids.evidenceA, headA);
  await shareWith(x.id, a.number, 'evidence', ids.archivedA, headA);
  await shareWith(x.id, a.number, 'finding', ids.findingA, headA);
  await shareWith(y.id, a.number, 'finding', ids.findingOnlyY, headA);
  await shareWith(x.id, a.number, 'priority', ids.priorityA, headA);
  await shareWith(x.id, b.number, 'priority', ids.priorityB, practitionerB);
  await shareWith(x.id, b.number, 'priority', ids.priorityB2, practitionerB);
  await shareWith(x.id, a.number, 'output', `${a.number}:sdp_summary`, headA);
  await shareWith(x.id, c.number, 'evidence', ids.evidenceC, headA);
});
afterAll(() => t.close());

const feed = (q = '') => `/collaboratives/${x.id}/shared${q}`;

describe('the shared feed', () => {
  it('shows members, lead and facilitator what members shared, newest first, with who shared it and when', async () => {
    for (const user of [headA, practitionerB, lead, facilitator]) {
      const page = await (await as(user)).get(feed());
      expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
      const text = pageText(page.body);
      expect(text).toContain('7 items shared');
      expect(text).toContain('Learning walk: guided reading');
      expect(text).toContain('School development plan: summary');
      expect(text).not.toContain('Withdrawn survey');
      expect(text).not.toContain('Maths talk is thin');
      expect(text).not.toContain('Private book scrutiny');
      expect(text.indexOf('Cwm staff survey')).toBeLessThan(text.indexOf('Learning walk: guided reading'));
    }
    const page = pageText((await (await as(headA)).get(feed())).body);
    expect(page).toContain('Shared by Bethan Jones on 10 January 2026.');
    expect(page).toContain('10 January 2026');
  });

  it('filters by school and by type with a plain GET form, and says so in Welsh', async () => {
    const visitor = await as(lead);
    const bySchool = pageText((await visitor.get(feed(`?school=${b.number}`))).body);
    expect(bySchool).toContain('2 items shared');
    expect(bySchool).toContain('Oracy across the school');
    expect(bySchool).not.toContain('Learning walk');
    const byType = pageText((await visitor.get(feed('?type=evidence'))).body);
    expect(byType).toContain('2 items shared');
    expect(byType).toContain('Cwm staff survey');
    const nothing = pageText((await visitor.get(feed(`?school=${b.number}&type=output`))).body);
    expect(nothing).toContain('Nothing shared matches these filters');
    const welsh = pageText((await visitor.get(feed('?lang=cy&type=priority'))).body);
    expect(welsh).toContain("Wedi'i rannu gan aelodau");
    expect(welsh).toContain("3 eitem wedi'u rhannu");
    expect(welsh).toContain('Blaenoriaeth');
    expect((await visitor.get(feed('?school=nonsense&type=nonsense'))).statusCode).toBe(200);
  });

  it('paginates', async () => {
    const db = t.database.db;
    const many = await buildCollaborative(db, { laCode: LA, members: [b] });
    const cycle = { id: (await buildCycle(db, b.number, 2019)).id, schoolNumber: b.number };
    for (let i = 0; i < 23; i++)
      await shareWith(
        many.id,
        b.number,
        'evidence',
        (await buildEvidence(db, cycle, { title: `Note ${i}` })).id,
        practitionerB,
      );
    const visitor = await as(practitionerB);
    const first = pageText((await visitor.get(`/collaboratives/${many.id}/shared`)).body);
    expect(first).toContain('23 items shared');
    expect(first).toContain('(showing 1 to 20)');
    expect(first).toContain('Note 22');
    expect(first).not.toContain('Note 1<');
    const second = pageText((await visitor.get(`/collaboratives/${many.id}/shared?page=2`)).body);
    expect(second).toContain('(showing 21 to 23)');
    expect(second).toContain('Note 0');
  });

  it('refuses the LA officer who does not facilitate (403), another LA and other schools (404)', async () => {
    expect((await (await as(laOfficer)).get(feed())).statusCode).toBe(403);
    expect((await (await as(laOfficer)).get(`/collaboratives/${x.id}/common-ground`)).statusCode).toBe(403);
    expect(
      (await (await as(laOfficer)).get(`/collaboratives/${x.id}/shared/evidence/${ids.evidenceA}`)).statusCode,
    ).toBe(403);
    for (const user of [otherLaOfficer, headD]) {
      expect((await (await as(user)).get(feed())).statusCode).toBe(404);
      expect((await (await as(user)).get(`/collaboratives/${x.id}/shared/evidence/${ids.evidenceA}`)).statusCode).toBe(
        404,
      );
    }
  });
});

describe('one shared item', () => {
  const item = (type: string, id: string) => `/collaboratives/${x.id}/shared/${type}/${encodeURIComponent(id)}`;

  it('shows shared evidence read-only', async () => {
    const page = await (await as(practitionerB)).get(item('evidence', ids.evidenceA));
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Learning walk: guided reading');
    expect(text).toContain('Pupils read aloud in small groups.');
    expect(text).toContain('Curriculum, learning and teaching');
    expect(text).toContain('only the school can change it');
    expect(page.body).not.toMatch(/<form[^>]+method="post"[^>]+action="\/(schools|collaboratives)/);
  });

  it('shows a finding with only the evidence also shared here', async () => {
    const page = await (await as(facilitator)).get(item('finding', ids.findingA));
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Reading for pleasure is strong');
    expect(text).toContain('Learning walk: guided reading');
    expect(text).not.toContain('Private book scrutiny');
    expect(text).toContain('1 more piece of evidence is not shared with this collaborative.');
    const welsh = pageText((await (await as(facilitator)).get(`${item('finding', ids.findingA)}?lang=cy`)).body);
    expect(welsh).toContain("Nid yw 1 darn arall o dystiolaeth wedi'i rannu");
  });

  it('shows a priority with its theme, national priorities and state', async () => {
    const text = pageText((await (await as(headA)).get(item('priority', ids.priorityB))).body);
    expect(text).toContain('Oracy across the school');
    expect(text).toContain('Literacy');
    expect(text).toContain('Agreed');
  });

  it('serves a shared document as a page, a PDF and a Word file', async () => {
    const visitor = await as(lead);
    const page = await visitor.get(item('output', `${a.number}:sdp_summary`));
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('School development plan: summary');
    const pdf = await visitor.get(`${item('output', `${a.number}:sdp_summary`)}/download/pdf?language=cy`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${a.number}-sdp-summary-cy.pdf`);
    const docx = await visitor.get(`${item('output', `${a.number}:sdp_summary`)}/download/docx`);
    expect(docx.statusCode).toBe(200);
    expect((await visitor.get(`${item('output', `${a.number}:self_evaluation`)}/download/pdf`)).statusCode).toBe(404);
    expect((await visitor.get(`${item('evidence', ids.evidenceA)}/download/pdf`)).statusCode).toBe(404);
  });

  it("is a 404 when the item is not shared here: private, archived, another collaborative's, an unknown type", async () => {
    const visitor = await as(headA);
    expect((await visitor.get(item('evidence', ids.privateEvidenceA))).statusCode).toBe(404);
    expect((await visitor.get(item('evidence', ids.archivedA))).statusCode).toBe(404);
    expect((await visitor.get(item('finding', ids.findingOnlyY))).statusCode).toBe(404);
    expect((await visitor.get(item('finding', ids.evidenceA))).statusCode).toBe(404);
    expect((await visitor.get(item('nonsense', ids.evidenceA))).statusCode).toBe(404);
    expect((await visitor.get(item('evidence', 'not-a-uuid'))).statusCode).toBe(404);
    expect((await visitor.get(`${item('evidence', ids.evidenceA)}/attachments/not-an-id`)).statusCode).toBe(404);
    // The same finding is there in the collaborative it was shared with.
    expect((await visitor.get(`/collaboratives/${y.id}/shared/finding/${ids.findingOnlyY}`)).statusCode).toBe(200);
  });
});

describe('withdrawing and leaving', () => {
  it('drops a withdrawn share at once, from the feed and the item page', async () => {
    const db = t.database.db;
    const visitor = await as(practitionerB);
    expect((await visitor.get(`/collaboratives/${x.id}/shared/priority/${ids.priorityB2}`)).statusCode).toBe(200);
    expect(
      await deleteShare(db, {
        itemType: 'priority',
        itemId: ids.priorityB2,
        audience: 'collaborative',
        audienceId: x.id,
      }),
    ).toBe(true);
    expect(pageText((await visitor.get(feed())).body)).not.toContain('Attendance of Year 6');
    expect((await visitor.get(`/collaboratives/${x.id}/shared/priority/${ids.priorityB2}`)).statusCode).toBe(404);
    await shareWith(x.id, b.number, 'priority', ids.priorityB2, practitionerB);
  });

  it('drops everything of a school that left the collaborative', async () => {
    const db = t.database.db;
    const visitor = await as(lead);
    expect(pageText((await visitor.get(feed())).body)).toContain('Cwm staff survey');
    await db
      .delete(collaborativeMembers)
      .where(and(eq(collaborativeMembers.collaborativeId, x.id), eq(collaborativeMembers.schoolNumber, c.number)));
    const text = pageText((await visitor.get(feed())).body);
    expect(text).not.toContain('Cwm staff survey');
    expect(text).not.toContain('Cwm Primary');
    expect((await visitor.get(`/collaboratives/${x.id}/shared/evidence/${ids.evidenceC}`)).statusCode).toBe(404);
    await db.insert(collaborativeMembers).values({ collaborativeId: x.id, schoolNumber: c.number });
  });
});
