import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { enquiryReviewers, findings, peerEnquiries } from '../../src/db/schema/index.ts';
import { buildCollaborative, buildFacilitator } from './collaboration-factories.ts';
import { buildUser, sessionCookie } from './factories.ts';
import { Visitor } from './http.ts';
import { buildCycle, buildEvidence, buildPriority } from './plan-factories.ts';
import { buildSchool } from './school-factories.ts';
import type { TestApp } from './test-app.ts';

/** A vertical cluster of three schools, the host's cycle with items to share, and everyone who might come near an enquiry. */
export async function buildEnquiryWorld(db: Db, laCode: string) {
  const host = await buildSchool(db, { laCode, name: 'Ysgol Gynradd y Wern' });
  const partner = await buildSchool(db, { laCode, name: 'Ysgol Bro Dulais' });
  const otherMember = await buildSchool(db, { laCode, name: 'Ysgol y Graig' });
  const elsewhere = await buildSchool(db, { laCode, name: 'Ysgol Arall' });
  const collaborative = await buildCollaborative(db, {
    laCode,
    members: [host, partner, otherMember],
    nameEn: 'Dulais cluster',
    nameCy: 'Clwstwr Dulais',
  });
  const people = {
    hostHead: await buildUser(db, { role: 'headteacher', scopeId: host.number }),
    hostLeader: await buildUser(db, { role: 'school_leader', scopeId: host.number }),
    hostPractitioner: await buildUser(db, { role: 'practitioner', scopeId: host.number }),
    reviewer: await buildUser(db, { role: 'practitioner', scopeId: partner.number }),
    facilitator: await buildUser(db, { role: 'school_leader', scopeId: partner.number }),
    lead: await buildUser(db, { role: 'collaborative_lead', scopeId: collaborative.id }),
    laFacilitator: await buildFacilitator(db, collaborative.id, laCode),
    otherMemberHead: await buildUser(db, { role: 'headteacher', scopeId: otherMember.number }),
    stranger: await buildUser(db, { role: 'headteacher', scopeId: elsewhere.number }),
    laOfficer: await buildUser(db, { role: 'la_officer', scopeId: laCode }),
    governor: await buildUser(db, { role: 'governor', scopeId: host.governingBodyId }),
  };
  const cycle = await buildCycle(db, host.number);
  const evidence = await buildEvidence(db, cycle, {
    title: 'Reading survey of Year 4',
    body: 'Most learners say they enjoy reading at home.',
  });
  const [finding] = await db
    .insert(findings)
    .values({
      schoolNumber: host.number,
      cycleId: cycle.id,
      kind: 'area_for_development',
      title: 'Learners rarely talk about their reading progress',
    })
    .returning();
  const priority = await buildPriority(db, cycle, { title: 'Talk about reading progress' });
  return { host, partner, otherMember, elsewhere, collaborative, people, cycle, evidence, finding: finding!, priority };
}
export type EnquiryWorld = Awaited<ReturnType<typeof buildEnquiryWorld>>;

export const visitorFor = async (t: TestApp, user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

export const proposal = (w: EnquiryWorld, extra: Record<string, string | string[]> = {}) => ({
  hostSchool: w.host.number,
  question: 'How well do our learners talk about their progress in reading?',
  context: 'Our self-evaluation suggests they find it hard.',
  nifThemes: ['curriculum_teaching', 'wellbeing_equity'],
  findingId: w.finding.id,
  'visitStart-day': '10',
  'visitStart-month': '3',
  'visitStart-year': '2026',
  'visitEnd-day': '11',
  'visitEnd-month': '3',
  'visitEnd-year': '2026',
  ...extra,
});

export const agreement = (w: EnquiryWorld, version: number, extra: Record<string, string | string[]> = {}) => ({
  facilitatorId: w.people.facilitator.id,
  reviewers: [w.people.reviewer.id],
  activities: 'Learning walk and listening to learners in Years 3 and 4.',
  confidentiality: 'What we see stays within the team and the host.',
  version: String(version),
  'visitStart-day': '10',
  'visitStart-month': '3',
  'visitStart-year': '2026',
  'visitEnd-day': '11',
  'visitEnd-month': '3',
  'visitEnd-year': '2026',
  ...extra,
});

/** Proposes an enquiry as the host headteacher; its id. */
export async function propose(t: TestApp, w: EnquiryWorld): Promise<string> {
  const base = `/collaboratives/${w.collaborative.id}/enquiries`;
  const response = await (await visitorFor(t, w.people.hostHead)).post(base, proposal(w), { tokenFrom: `${base}/new` });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  return /enquiries\/([0-9a-f-]{36})/.exec(response.headers.location!)![1]!;
}

/** The version hidden in the enquiry page's state form. */
export function versionOn(html: string): string {
  return /name="version" value="(\d+)"/.exec(html)?.[1] ?? '0';
}

/** An enquiry standing in a given state, with its team, as if the cycle had brought it there. */
export async function buildEnquiry(
  db: Db,
  options: {
    collaborativeId: string;
    hostSchoolNumber: string;
    state: string;
    facilitatorId?: string | null;
    reviewers?: { userId: string; schoolNumber: string }[];
    question?: string;
  },
) {
  const [enquiry] = await db
    .insert(peerEnquiries)
    .values({
      collaborativeId: options.collaborativeId,
      hostSchoolNumber: options.hostSchoolNumber,
      question: options.question ?? `How well do our learners talk about their reading? (${options.state})`,
      state: options.state,
      facilitatorId: options.facilitatorId ?? null,
      visitStart: '2026-03-10',
      visitEnd: '2026-03-11',
    })
    .returning();
  if (options.reviewers?.length)
    await db.insert(enquiryReviewers).values(options.reviewers.map((r) => ({ enquiryId: enquiry!.id, ...r })));
  return enquiry!;
}
