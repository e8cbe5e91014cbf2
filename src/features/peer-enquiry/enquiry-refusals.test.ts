import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enquiryNotes, enquiryPackItems, peerEnquiries } from '../../db/schema/index.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { pageText, type Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  agreement,
  buildEnquiryWorld,
  propose,
  proposal,
  visitorFor,
  type EnquiryWorld,
} from '../../../test/support/enquiry-factories.ts';

let t: TestApp;
let w: EnquiryWorld;
const row = async (id: string) =>
  (await t.database.db.select().from(peerEnquiries).where(eq(peerEnquiries.id, id)))[0]!;
const note = {
  'observedOn-day': '10',
  'observedOn-month': '3',
  'observedOn-year': '2026',
  activity: 'learning_walk',
  hostColleague: 'Mr Huw Jones',
  body: 'Learners in Year 5 used reading journals.',
};

/** An enquiry moved straight to a state, with the agreed team, for testing one stage. */
async function enquiryAt(state: string) {
  const id = await propose(t, w);
  const lead = await visitorFor(t, w.people.lead);
  const page = `/collaboratives/${w.collaborative.id}/enquiries/${id}`;
  expect((await lead.post(`${page}/agree`, agreement(w, 1), { tokenFrom: `${page}/agree` })).statusCode).toBe(303);
  await t.database.db.update(peerEnquiries).set({ state }).where(eq(peerEnquiries.id, id));
  return { id, page };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildEnquiryWorld(t.database.db, '671');
});
afterAll(() => t.close());

describe('who is refused', () => {
  it('tells strangers, governors and other LAs the enquiry does not exist, and LA staff who do not facilitate that it is not theirs', async () => {
    const { page } = await enquiryAt('on_site');
    const base = `/collaboratives/${w.collaborative.id}/enquiries`;
    // Governors hold no role that reads collaboratives at all: refused before the record is looked at.
    for (const [person, status] of [
      [w.people.stranger, 404],
      [w.people.governor, 403],
    ] as const) {
      const visitor = await visitorFor(t, person);
      for (const url of [base, page, `${page}/pack`, `${page}/notes/new`])
        expect((await visitor.get(url)).statusCode, `${url}`).toBe(status);
      expect(
        (await visitor.post(`${page}/state`, { to: 'making_sense', version: '1' }, { tokenFrom: '/account/password' }))
          .statusCode,
      ).toBe(status);
    }
    const officer = await visitorFor(t, w.people.laOfficer);
    expect((await officer.get(base)).statusCode).toBe(403);
    expect((await officer.get(page)).statusCode).toBe(403);
  });

  it('shows another member the headline and team but not the host material, and refuses them every action', async () => {
    const { page } = await enquiryAt('on_site');
    const other = await visitorFor(t, w.people.otherMemberHead);
    const seen = await other.get(page);
    expect(seen.statusCode).toBe(200);
    const text = pageText(seen.body);
    expect(text).toContain('How well do our learners talk about their progress in reading?');
    expect(text).toContain('Ysgol Bro Dulais');
    expect(text).toContain('belong to Ysgol Gynradd y Wern and its enquiry team');
    expect(text).not.toContain('Evidence notes');
    for (const url of ['pack', 'pack/edit', 'notes/new', 'agree', 'cancel', 'report', 'findings/new', 'follow-ups/new'])
      expect((await other.get(`${page}/${url}`)).statusCode, url).toBe(403);
    expect((await other.post(`${page}/notes/new`, note, { tokenFrom: page })).statusCode).toBe(403);
    expect(
      (await other.post(`${page}/state`, { to: 'making_sense', version: '2' }, { tokenFrom: page })).statusCode,
    ).toBe(403);
  });

  it('lets only a member school leader propose, and only for their own school, with every problem shown and values kept', async () => {
    const base = `/collaboratives/${w.collaborative.id}/enquiries`;
    const reviewer = await visitorFor(t, w.people.reviewer);
    expect((await reviewer.get(`${base}/new`)).statusCode).toBe(403);
    const head = await visitorFor(t, w.people.hostHead);
    const bad = await head.post(
      base,
      proposal(w, { question: '', nifThemes: [], 'visitEnd-day': '9', context: 'Kept context' }),
      { tokenFrom: `${base}/new` },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('Enter the enquiry question');
    expect(text).toContain('Select at least one National Improvement Framework theme');
    expect(text).toContain('The last day of the visit must be the same as or after the first day');
    expect(text).toContain('Kept context');
    const welsh = await head.post(`${base}?lang=cy`, proposal(w, { hostSchool: w.partner.number }), {
      tokenFrom: `${base}/new`,
    });
    expect(welsh.statusCode).toBe(400);
    expect(pageText(welsh.body)).toContain("Dewiswch yr ysgol sy'n cynnal yr ymholiad");
  });

  it('agrees only reviewers from partner schools, never the host', async () => {
    const id = await propose(t, w);
    const page = `/collaboratives/${w.collaborative.id}/enquiries/${id}`;
    const lead = await visitorFor(t, w.people.lead);
    const head = await visitorFor(t, w.people.hostHead);
    expect((await head.get(`${page}/agree`)).statusCode).toBe(403);
    const bad = await lead.post(
      `${page}/agree`,
      agreement(w, 1, { reviewers: [w.people.hostPractitioner.id], activities: '' }),
      { tokenFrom: `${page}/agree` },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Select at least one reviewer from a partner school');
    expect(pageText(bad.body)).toContain('Enter the activities of the visit');
    expect((await row(id)).state).toBe('proposed');
  });

  it('lets the headteacher add to the pack and other leaders only take out', async () => {
    const { id, page } = await enquiryAt('preparing');
    const leader = await visitorFor(t, w.people.hostLeader);
    const leaderForm = await leader.get(`${page}/pack/edit`);
    expect(pageText(leaderForm.body)).toContain('Only the headteacher can add items to the pack');
    expect(
      (
        await leader.post(
          `${page}/pack/edit`,
          { items: `evidence:${w.evidence.id}` },
          { tokenFrom: `${page}/pack/edit` },
        )
      ).statusCode,
    ).toBe(403);
    const head = await visitorFor(t, w.people.hostHead);
    expect(
      (await head.post(`${page}/pack/edit`, { items: `evidence:${w.evidence.id}` }, { tokenFrom: `${page}/pack/edit` }))
        .statusCode,
    ).toBe(303);
    expect((await leader.post(`${page}/pack/edit`, {}, { tokenFrom: `${page}/pack/edit` })).statusCode).toBe(303);
    expect(await t.database.db.select().from(enquiryPackItems).where(eq(enquiryPackItems.enquiryId, id))).toHaveLength(
      0,
    );
    expect(await auditEntries(t.database.db, 'enquiry-pack-remove', id)).toHaveLength(1);
    const reviewer = await visitorFor(t, w.people.reviewer);
    expect((await reviewer.get(`${page}/pack/edit`)).statusCode).toBe(403);
  });
});

describe('evidence notes', () => {
  let reviewer: Visitor;
  beforeAll(async () => {
    reviewer = await visitorFor(t, w.people.reviewer);
  });

  it('refuses a note without the host colleague present, in both languages, and saves nothing', async () => {
    const { id, page } = await enquiryAt('on_site');
    const missing = await reviewer.post(
      `${page}/notes/new`,
      { ...note, hostColleague: '' },
      { tokenFrom: `${page}/notes/new` },
    );
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Enter the name of the host colleague who was present');
    expect(pageText(missing.body)).toContain('Learners in Year 5 used reading journals.');
    const welsh = await reviewer.post(
      `${page}/notes/new?lang=cy`,
      { ...note, hostColleague: '' },
      { tokenFrom: `${page}/notes/new` },
    );
    expect(pageText(welsh.body)).toContain("Rhowch enw'r cydweithiwr o'r ysgol letyol a oedd yn bresennol");
    expect(await t.database.db.select().from(enquiryNotes).where(eq(enquiryNotes.enquiryId, id))).toHaveLength(0);
  });

  it('warns when a note might identify a learner until the author changes it or confirms', async () => {
    const { id, page } = await enquiryAt('on_site');
    const risky = { ...note, body: 'Sioned Pritchard read aloud confidently.' };
    const warned = await reviewer.post(`${page}/notes/new?lang=en`, risky, { tokenFrom: `${page}/notes/new` });
    expect(warned.statusCode).toBe(400);
    expect(pageText(warned.body)).toContain("looks like a person's full name");
    expect(await t.database.db.select().from(enquiryNotes).where(eq(enquiryNotes.enquiryId, id))).toHaveLength(0);
    const confirmed = await reviewer.post(
      `${page}/notes/new`,
      { ...risky, learnerDataChecked: 'yes' },
      { tokenFrom: `${page}/notes/new` },
    );
    expect(confirmed.statusCode).toBe(303);
  });

  it('lets only the author edit, refuses a stale edit with both versions shown, and stops edits after making sense', async () => {
    const { id, page } = await enquiryAt('on_site');
    expect((await reviewer.post(`${page}/notes/new`, note, { tokenFrom: `${page}/notes/new` })).statusCode).toBe(303);
    const [saved] = await t.database.db.select().from(enquiryNotes).where(eq(enquiryNotes.enquiryId, id));
    const editUrl = `${page}/notes/${saved!.id}/edit`;
    const facilitator = await visitorFor(t, w.people.facilitator);
    expect((await facilitator.get(editUrl)).statusCode).toBe(403);
    expect(
      (await reviewer.post(editUrl, { ...note, body: 'First edit.', version: '1' }, { tokenFrom: editUrl })).statusCode,
    ).toBe(303);
    const stale = await reviewer.post(
      editUrl,
      { ...note, body: 'Second edit from an old window.', version: '1' },
      { tokenFrom: editUrl },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('First edit.');
    expect(pageText(stale.body)).toContain('Second edit from an old window.');
    expect((await t.database.db.select().from(enquiryNotes).where(eq(enquiryNotes.id, saved!.id)))[0]!.body).toBe(
      'First edit.',
    );
    expect(await auditEntries(t.database.db, 'enquiry-note-update', saved!.id)).toHaveLength(1);
    await t.database.db.update(peerEnquiries).set({ state: 'report_drafted' }).where(eq(peerEnquiries.id, id));
    expect((await reviewer.get(editUrl)).statusCode).toBe(403);
    expect((await reviewer.get(`${page}/notes/new`)).statusCode).toBe(403);
  });
});

describe('cancelling', () => {
  it('lets the host headteacher withdraw with a reason; the reviewer and other leaders may not; cancelled is final', async () => {
    const { id, page } = await enquiryAt('preparing');
    const reviewer = await visitorFor(t, w.people.reviewer);
    const leader = await visitorFor(t, w.people.hostLeader);
    expect((await reviewer.get(`${page}/cancel`)).statusCode).toBe(403);
    expect((await leader.get(`${page}/cancel`)).statusCode).toBe(403);
    const head = await visitorFor(t, w.people.hostHead);
    const version = String((await row(id)).version);
    const noReason = await head.post(`${page}/cancel`, { reason: '', version }, { tokenFrom: `${page}/cancel` });
    expect(noReason.statusCode).toBe(400);
    expect(pageText(noReason.body)).toContain('Enter why the enquiry is being cancelled');
    expect(
      (
        await head.post(
          `${page}/cancel`,
          { reason: 'Staff illness this term.', version },
          { tokenFrom: `${page}/cancel` },
        )
      ).statusCode,
    ).toBe(303);
    expect(await row(id)).toMatchObject({ state: 'cancelled', cancelReason: 'Staff illness this term.' });
    expect((await auditEntries(t.database.db, 'enquiry-cancel', id))[0]!.before).toMatchObject({ state: 'preparing' });
    const after = pageText((await head.get(`${page}?lang=cy`)).body);
    expect(after).toContain("Wedi'i ganslo");
    expect(after).toContain('Staff illness this term.');
    expect(
      (
        await head.post(
          `${page}/state`,
          { to: 'on_site', version: String((await row(id)).version) },
          { tokenFrom: page },
        )
      ).statusCode,
    ).toBe(403);
    // The reviewer's access to the pack ends with a cancelled enquiry too.
    expect((await reviewer.get(`${page}/pack`)).statusCode).toBe(403);
  });

  it('refuses a state change made from an old page', async () => {
    const { id, page } = await enquiryAt('agreed');
    const leader = await visitorFor(t, w.people.hostLeader);
    const stale = await leader.post(`${page}/state`, { to: 'preparing', version: '1' }, { tokenFrom: page });
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Someone else changed this enquiry');
    expect((await row(id)).state).toBe('agreed');
  });
});

describe('from a finding of the self-evaluation', () => {
  it('takes a host leader to the proposal form with the finding chosen', async () => {
    const head = await visitorFor(t, w.people.hostHead);
    const findingPage = await head.get(`/schools/${w.host.number}/findings/${w.finding.id}`);
    expect(findingPage.body).toContain(`/schools/${w.host.number}/enquiries/new?finding=${w.finding.id}`);
    const go = await head.get(`/schools/${w.host.number}/enquiries/new?finding=${w.finding.id}`);
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toBe(`/collaboratives/${w.collaborative.id}/enquiries/new?finding=${w.finding.id}`);
    const form = await head.get(go.headers.location!);
    expect(form.body).toMatch(new RegExp(`value="${w.finding.id}" selected`));
    const practitioner = await visitorFor(t, w.people.hostPractitioner);
    expect((await practitioner.get(`/schools/${w.host.number}/findings/${w.finding.id}`)).body).not.toContain(
      '/enquiries/new',
    );
  });
});
