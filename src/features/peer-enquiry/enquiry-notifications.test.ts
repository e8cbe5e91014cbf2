import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerEnquiries } from '../../db/schema/index.ts';
import {
  agreement,
  buildEnquiryWorld,
  propose,
  versionOn,
  visitorFor,
  type EnquiryWorld,
} from '../../../test/support/enquiry-factories.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Each step of a peer enquiry that needs someone tells them; the team hears only while it is open.
let t: TestApp;
let w: EnquiryWorld;
let page: string;
let id: string;
const db = () => t.database.db;
const version = async (enquiryId: string) =>
  String((await db().select().from(peerEnquiries).where(eq(peerEnquiries.id, enquiryId)))[0]!.version);

async function move(user: { id: string }, to: string) {
  const who = await visitorFor(t, user);
  const before = await who.get(page);
  const response = await who.post(`${page}/state`, { to, version: versionOn(before.body) }, { tokenFrom: page });
  expect(response.statusCode, `${to}: ${response.body.slice(0, 300)}`).toBe(303);
}

const sorted = (ids: string[]) => [...ids].sort();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildEnquiryWorld(db(), '669');
  id = await propose(t, w);
  page = `/collaboratives/${w.collaborative.id}/enquiries/${id}`;
  expect(await relayAll(db())).toEqual([]);
});
afterAll(() => t.close());

describe('peer enquiry notifications', () => {
  it('tells the reviewers and the facilitator they are invited when the convenors agree it', async () => {
    const lead = await visitorFor(t, w.people.lead);
    const agreed = await lead.post(`${page}/agree`, agreement(w, Number(await version(id))), {
      tokenFrom: `${page}/agree`,
    });
    expect(agreed.statusCode).toBe(303);
    const told = await relayAll(db());
    const invited = toldOf(told, 'enquiry_reviewer_invited');
    expect(sorted([...invited.keys()])).toEqual(sorted([w.people.reviewer.id, w.people.facilitator.id]));
    expect(invited.get(w.people.reviewer.id)).toBe(page);
    expect(told[0]!.params).toEqual({
      school: 'Ysgol Gynradd y Wern',
      question: 'How well do our learners talk about their progress in reading?',
    });
    for (const other of [w.people.lead, w.people.hostHead, w.people.laFacilitator, w.people.stranger])
      expect(invited.has(other.id)).toBe(false);
    // The link opens for the reviewer told.
    expect((await (await visitorFor(t, w.people.reviewer)).get(page)).statusCode).toBe(200);
  });

  it('tells the team when the headteacher adds to the pack', async () => {
    const head = await visitorFor(t, w.people.hostHead);
    const packed = await head.post(
      `${page}/pack/edit`,
      { items: [`evidence:${w.evidence.id}`] },
      { tokenFrom: `${page}/pack/edit` },
    );
    expect(packed.statusCode).toBe(303);
    const ready = toldOf(await relayAll(db()), 'enquiry_pack_ready');
    expect(sorted([...ready.keys()])).toEqual(sorted([w.people.reviewer.id, w.people.facilitator.id]));
  });

  it('tells the team and the host’s leaders of the on-site day, and the host’s leaders of the drafted report', async () => {
    await move(w.people.hostLeader, 'preparing');
    await move(w.people.facilitator, 'on_site');
    const onSite = toldOf(await relayAll(db()), 'enquiry_on_site_day');
    expect(sorted([...onSite.keys()])).toEqual(
      sorted([w.people.reviewer.id, w.people.hostHead.id, w.people.hostLeader.id]),
    );
    for (const other of [w.people.hostPractitioner, w.people.governor, w.people.laOfficer, w.people.otherMemberHead])
      expect(onSite.has(other.id)).toBe(false);

    await move(w.people.facilitator, 'making_sense');
    const facilitator = await visitorFor(t, w.people.facilitator);
    const saved = await facilitator.post(
      `${page}/report`,
      { report: 'Learners enjoy reading.', version: await version(id) },
      { tokenFrom: `${page}/report` },
    );
    expect(saved.statusCode).toBe(303);
    await move(w.people.facilitator, 'report_drafted');
    const drafted = toldOf(await relayAll(db()), 'enquiry_report_drafted');
    expect(sorted([...drafted.keys()])).toEqual(sorted([w.people.hostHead.id, w.people.hostLeader.id]));
  });

  it('tells a follow-up to the host, the lead and the team, but not the team once the enquiry has closed', async () => {
    await move(w.people.hostHead, 'report_agreed');
    await move(w.people.hostLeader, 'follow_up');
    const leader = await visitorFor(t, w.people.hostLeader);
    const followUp = await leader.post(
      `${page}/follow-ups/new`,
      {
        description: 'Ysgol Bro Dulais shares its reading conferences',
        supportingSchool: w.partner.number,
        priorityId: w.priority.id,
        owner: 'Reading lead',
        'dueOn-day': '1',
        'dueOn-month': '7',
        'dueOn-year': '2026',
      },
      { tokenFrom: `${page}/follow-ups/new` },
    );
    expect(followUp.statusCode).toBe(303);
    // Closed before the relay: the reviewer's and facilitator's access has ended, so they are not told.
    await move(w.people.facilitator, 'closed');
    const agreed = toldOf(await relayAll(db()), 'enquiry_follow_up_agreed');
    expect(sorted([...agreed.keys()])).toEqual(sorted([w.people.hostHead.id, w.people.lead.id]));
    for (const other of [w.people.reviewer, w.people.facilitator, w.people.hostLeader, w.people.stranger])
      expect(agreed.has(other.id)).toBe(false);
  });
});
