import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
type EnquiryEventKind =
  | 'enquiry_reviewer_invited'
  | 'enquiry_pack_ready'
  | 'enquiry_on_site_day'
  | 'enquiry_report_drafted'
  | 'enquiry_follow_up_agreed';
import { recordEvent } from '../../notifications/events-repository.ts';
import { searchKey } from '../../lib/search-text.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { findSchoolContext } from '../../school/school-repository.ts';
import { startCycle } from '../school-cycle/cycle-service.ts';
import { todayInWales } from '../../lib/clock.ts';
import * as evidenceRepo from '../evidence/evidence-repository.ts';
import { mayMove, type EnquiryActor } from '../../policy/enquiry-states.ts';
import * as repo from './enquiry-repository.ts';

export type Changed =
  | { ok: true; enquiry: repo.Enquiry }
  | { ok: false; reason: 'conflict'; current: repo.Enquiry }
  | { ok: false; reason: 'forbidden' | 'invalid' };

const STATE_FIELDS = (e: repo.Enquiry) => ({ state: e.state, version: e.version });

/**
 * A step someone in the enquiry needs to hear of. The subject is the enquiry, whose page each of
 * them opens; its school is the host, so the host's leaders are found there.
 */
export async function recordEnquiryEvent(tx: Db, kind: EnquiryEventKind, actorId: string, enquiry: repo.Enquiry) {
  const host = await findSchoolContext(tx, enquiry.hostSchoolNumber);
  await recordEvent(tx, {
    kind,
    actorId,
    subject: { type: 'peer_enquiry', id: enquiry.id },
    link: `/collaboratives/${enquiry.collaborativeId}/enquiries/${enquiry.id}`,
    schoolNumber: enquiry.hostSchoolNumber,
    collaborativeId: enquiry.collaborativeId,
    laCode: host?.laCode ?? null,
    params: { school: host?.name ?? enquiry.hostSchoolNumber, question: enquiry.question },
  });
}

/** The steps of the cycle that someone needs to hear of, by the state reached. */
const STEP_EVENTS: Partial<Record<string, EnquiryEventKind>> = {
  on_site: 'enquiry_on_site_day',
  report_drafted: 'enquiry_report_drafted',
};

export async function proposeEnquiry(
  db: Db,
  actorId: string,
  collaborativeId: string,
  hostSchoolNumber: string,
  values: {
    question: string;
    context: string;
    nifThemes: string[];
    findingId: string | null;
    visitStart: string | null;
    visitEnd: string | null;
  },
  language: string,
) {
  return db.transaction(async (tx) => {
    const enquiry = await repo.insertEnquiry(tx, {
      ...values,
      collaborativeId,
      hostSchoolNumber,
      language,
      createdBy: actorId,
      state: 'proposed',
    });
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-propose',
      entityType: 'peer_enquiry',
      entityId: enquiry.id,
      after: { collaborative: collaborativeId, host: hostSchoolNumber, ...values, state: 'proposed' },
    });
    return enquiry;
  });
}

/** The convenors agree the facilitator, reviewers and protocol: the enquiry becomes agreed. */
export async function agreeEnquiry(
  db: Db,
  actorId: string,
  actors: Set<EnquiryActor>,
  enquiry: repo.Enquiry,
  version: number,
  values: {
    facilitatorId: string;
    activities: string;
    confidentiality: string;
    visitStart: string | null;
    visitEnd: string | null;
  },
  reviewers: { userId: string; schoolNumber: string }[],
  now: Date,
): Promise<Changed> {
  if (!mayMove(actors, enquiry.state, 'agreed')) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    const updated = await repo.updateEnquiry(tx, enquiry.id, version, { ...values, state: 'agreed' }, now);
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findEnquiryRow(tx, enquiry.id))! };
    await repo.replaceReviewers(tx, enquiry.id, reviewers);
    const { facilitatorId, activities, confidentiality, visitStart, visitEnd, state } = enquiry;
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-agree',
      entityType: 'peer_enquiry',
      entityId: enquiry.id,
      before: { state, facilitatorId, activities, confidentiality, visitStart, visitEnd },
      after: { ...values, state: 'agreed', reviewers },
    });
    await recordEnquiryEvent(tx, 'enquiry_reviewer_invited', actorId, updated);
    return { ok: true as const, enquiry: updated };
  });
}

/** Withdrawn by the host headteacher or called off by the convenors, with a reason. Final. */
export async function cancelEnquiry(
  db: Db,
  actorId: string,
  actors: Set<EnquiryActor>,
  enquiry: repo.Enquiry,
  version: number,
  reason: string,
  now: Date,
): Promise<Changed> {
  if (!mayMove(actors, enquiry.state, 'cancelled')) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    const updated = await repo.updateEnquiry(
      tx,
      enquiry.id,
      version,
      { state: 'cancelled', cancelReason: reason, closedAt: now },
      now,
    );
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findEnquiryRow(tx, enquiry.id))! };
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-cancel',
      entityType: 'peer_enquiry',
      entityId: enquiry.id,
      before: STATE_FIELDS(enquiry),
      after: { state: 'cancelled', reason },
    });
    return { ok: true as const, enquiry: updated };
  });
}

/** The report as the host or facilitator writes it (while making sense, or drafted). */
export async function saveReport(
  db: Db,
  actorId: string,
  enquiry: repo.Enquiry,
  version: number,
  report: string,
  language: string,
  now: Date,
): Promise<Changed> {
  return db.transaction(async (tx) => {
    const updated = await repo.updateEnquiry(tx, enquiry.id, version, { report, language }, now);
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findEnquiryRow(tx, enquiry.id))! };
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-report-save',
      entityType: 'peer_enquiry',
      entityId: enquiry.id,
      before: { report: enquiry.report },
      after: { report },
    });
    return { ok: true as const, enquiry: updated };
  });
}

/**
 * One step of the cycle by someone allowed to take it. Agreeing the report makes it first-hand
 * evidence from beyond the school in the host's current cycle, in the same transaction.
 */
export async function moveEnquiry(
  db: Db,
  actorId: string,
  actors: Set<EnquiryActor>,
  enquiry: repo.Enquiry,
  version: number,
  to: string,
  now: Date,
  extra: { comment?: string; evidenceTitle?: string } = {},
): Promise<Changed> {
  if (to === 'agreed' || to === 'cancelled' || !mayMove(actors, enquiry.state, to))
    return { ok: false, reason: 'forbidden' };
  if (to === 'report_drafted' && !enquiry.report.trim()) return { ok: false, reason: 'invalid' };
  return db.transaction(async (tx) => {
    const values: repo.EnquiryValues = { state: to };
    if (to === 'closed') values.closedAt = now;
    if (to === 'report_agreed') Object.assign(values, { reportAgreedAt: now, reportAgreedBy: actorId });
    let updated = await repo.updateEnquiry(tx, enquiry.id, version, values, now);
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findEnquiryRow(tx, enquiry.id))! };
    let evidenceId: string | null = null;
    if (to === 'report_agreed') {
      evidenceId = await reportToEvidence(tx, actorId, enquiry, extra.evidenceTitle ?? enquiry.question, now);
      updated = (await repo.updateEnquiry(tx, enquiry.id, updated.version, { evidenceId }, now))!;
    }
    const after = {
      state: to,
      ...(extra.comment ? { comment: extra.comment } : {}),
      ...(evidenceId ? { evidenceId } : {}),
    };
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-state',
      entityType: 'peer_enquiry',
      entityId: enquiry.id,
      before: STATE_FIELDS(enquiry),
      after,
    });
    const step = STEP_EVENTS[to];
    if (step) await recordEnquiryEvent(tx, step, actorId, updated);
    return { ok: true as const, enquiry: updated };
  });
}

/** The agreed report as an evidence item of the host's current cycle (started if there is none yet). */
async function reportToEvidence(
  tx: Db,
  actorId: string,
  enquiry: repo.Enquiry,
  title: string,
  now: Date,
): Promise<string> {
  const school = (await findSchoolContext(tx, enquiry.hostSchoolNumber))!;
  const { cycle } = await startCycle(tx, actorId, school, academicYearOf(now), enquiry.language);
  const values: evidenceRepo.EvidenceValues = {
    source: 'peer_enquiry',
    observedOn: todayInWales(now),
    firstHand: true,
    fromBeyond: true,
    title,
    body: enquiry.report,
    language: enquiry.language,
    nifThemes: enquiry.nifThemes,
    areas: [],
    principles: [],
    learnerGroups: [],
    nationalPriorities: [],
  };
  const item = await evidenceRepo.insertEvidence(tx, {
    ...values,
    schoolNumber: school.number,
    cycleId: cycle.id,
    createdBy: actorId,
    curated: true,
    searchText: searchKey(`${title} ${enquiry.report}`),
  });
  await appendAudit(tx, {
    actorId,
    action: 'evidence-create',
    entityType: 'evidence',
    entityId: item.id,
    after: { school: school.number, cycle: cycle.id, ...values, curated: true, peerEnquiry: enquiry.id },
  });
  return item.id;
}
