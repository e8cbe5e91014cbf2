import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import type { AgreementValues } from './brokering-forms.ts';
import * as repo from './brokering-repository.ts';
import { encodeReasons, rankSuggestions, type Suggestion } from './match-rules.ts';

type Conflict<T> = { ok: false; reason: 'conflict'; current: T };

/** Where a request's broker finds it: the LA's brokering page, or the collaborative's it was given to. */
function brokerPlace(row: repo.RequestRow) {
  const collaborativeId = row.request.brokerCollaborativeId;
  return collaborativeId
    ? { link: `/collaboratives/${collaborativeId}/brokering`, collaborativeId, laCode: null }
    : { link: `/local-authorities/${row.schoolLa}/brokering`, collaborativeId: null, laCode: row.schoolLa };
}

/** The words a support event's message needs, in the language they were written. */
const NEED_IN_MESSAGE = 100;

/**
 * A request as its messages name it: the school and the start of the need it wrote for its broker.
 * Never the priority's title: the broker and the supporting school read the need, not the priority.
 */
const requestParams = (row: repo.RequestRow) => {
  const need = row.request.need.trim().replace(/\s+/g, ' ');
  const cut =
    need.length <= NEED_IN_MESSAGE
      ? need
      : `${need.slice(0, need.lastIndexOf(' ', NEED_IN_MESSAGE) > 40 ? need.lastIndexOf(' ', NEED_IN_MESSAGE) : NEED_IN_MESSAGE)}…`;
  return { school: row.schoolName, need: cut };
};

/** Saves the profile: the first save creates it, later ones name the version they started from. */
export async function saveProfile(
  db: Db,
  actorId: string,
  schoolNumber: string,
  version: number | null,
  values: repo.ProfileValues,
  now: Date,
): Promise<{ ok: true } | Conflict<repo.Profile>> {
  return db.transaction(async (tx) => {
    const before = await repo.findProfile(tx, schoolNumber);
    const saved = before
      ? version === null
        ? null
        : await repo.updateProfile(tx, schoolNumber, version, values, actorId, now)
      : await repo.insertProfile(tx, schoolNumber, values, actorId);
    if (!saved)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findProfile(tx, schoolNumber))! };
    await appendAudit(tx, {
      actorId,
      action: 'school-profile-update',
      entityType: 'school_profile',
      entityId: schoolNumber,
      before,
      after: values,
    });
    return { ok: true as const };
  });
}

export async function createOffer(db: Db, actorId: string, schoolNumber: string, values: repo.OfferValues) {
  return db.transaction(async (tx) => {
    const offer = await repo.insertOffer(tx, { ...values, schoolNumber, createdBy: actorId });
    await appendAudit(tx, {
      actorId,
      action: 'support-offer-create',
      entityType: 'support_offer',
      entityId: offer.id,
      after: offer,
    });
    return offer;
  });
}

export async function withdrawOffer(
  db: Db,
  actorId: string,
  offer: repo.Offer,
  version: number,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (offer.status !== 'active') return false;
    const after = await repo.setOfferStatus(tx, offer.id, version, 'withdrawn', now);
    if (!after) return false;
    await appendAudit(tx, {
      actorId,
      action: 'support-offer-withdraw',
      entityType: 'support_offer',
      entityId: offer.id,
      before: { status: offer.status },
      after: { status: after.status },
    });
    return true;
  });
}

export type NewRequest = { need: string; brokerCollaborativeId: string | null; language: string; fromPlan?: boolean };

export async function createRequest(
  db: Db,
  actorId: string,
  schoolNumber: string,
  priorityId: string,
  values: NewRequest,
) {
  return db.transaction((tx) => raiseRequest(tx, actorId, schoolNumber, priorityId, values));
}

/**
 * Saves a request and tells its broker, inside the caller's transaction: the one way a request
 * comes to be, whether typed on the request form or asked on a plan action.
 */
export async function raiseRequest(
  tx: Db,
  actorId: string | null,
  schoolNumber: string,
  priorityId: string,
  values: NewRequest,
): Promise<repo.SupportRequest> {
  const request = await repo.insertRequest(tx, { ...values, schoolNumber, priorityId, createdBy: actorId });
  await appendAudit(tx, {
    actorId,
    action: 'support-request-create',
    entityType: 'support_request',
    entityId: request.id,
    after: request,
  });
  const row = (await repo.findRequestRow(tx, request.id))!;
  await recordEvent(tx, {
    kind: 'support_requested',
    actorId,
    subject: { type: 'support_request', id: request.id },
    ...brokerPlace(row),
    params: requestParams(row),
  });
  return request;
}

export async function withdrawRequest(
  db: Db,
  actorId: string,
  request: repo.SupportRequest,
  version: number,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const after = await repo.moveRequest(tx, request.id, { status: 'open', version }, 'withdrawn', now);
    if (!after) return false;
    await appendAudit(tx, {
      actorId,
      action: 'support-request-withdraw',
      entityType: 'support_request',
      entityId: request.id,
      before: { status: request.status },
      after: { status: after.status },
    });
    return true;
  });
}

export type SuggestionWithProfile = Suggestion & Awaited<ReturnType<typeof repo.candidateOffers>>[number];

/** The top suggestions for an open request, with their reasons. */
export async function suggestionsFor(db: Db, request: repo.RequestRow, limit = 5): Promise<SuggestionWithProfile[]> {
  const r = request.request;
  const [school, areas, partners] = await Promise.all([
    repo.schoolFacts(db, r.schoolNumber),
    repo.priorityAreas(db, r.priorityId),
    repo.collaborativePartners(db, r.schoolNumber),
  ]);
  if (!school) return [];
  const need = {
    schoolNumber: r.schoolNumber,
    nifTheme: request.nifTheme,
    nationalPriorities: request.nationalPriorities,
    areas,
  };
  const candidates = await repo.candidateOffers(db, need);
  const ranked = rankSuggestions(
    {
      school,
      nifTheme: request.nifTheme,
      nationalPriorities: request.nationalPriorities,
      areas,
      collaborativeSchools: partners,
      excludedSchools: [],
    },
    candidates,
    limit,
  );
  return ranked.map((s) => ({ ...candidates.find((c) => c.offer.id === s.offer.id)!, ...s }));
}

export type AgreeResult =
  | { ok: true; agreement: repo.Agreement }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict' };

/**
 * Records the match: the supporting school (a suggestion, whose reasons are copied, or any open
 * school the broker names that is not the requester nor causing concern) and what was agreed.
 */
export async function agreeMatch(
  db: Db,
  actorId: string,
  request: repo.RequestRow,
  version: number,
  values: AgreementValues,
  suggestions: SuggestionWithProfile[],
  now: Date,
): Promise<AgreeResult> {
  const number = values.supportingSchoolNumber;
  const suggested = suggestions.find((s) => s.school.number === number);
  if (!suggested) {
    const school = await repo.findOpenSchool(db, number);
    if (!school || number === request.request.schoolNumber || (await repo.isCausingConcern(db, number)))
      return { ok: false, reason: 'invalid', errors: { otherSchool: 'brokering.errors.agree.noSuchSchool' } };
  }
  return db.transaction(async (tx) => {
    const moved = await repo.moveRequest(tx, request.request.id, { status: 'open', version }, 'matched', now);
    if (!moved) return { ok: false as const, reason: 'conflict' as const };
    const agreement = await repo.insertAgreement(tx, {
      ...values,
      requestId: request.request.id,
      offerId: suggested?.offer.id ?? null,
      reasons: suggested ? encodeReasons(suggested.reasons) : [],
      agreedBy: actorId,
    });
    await appendAudit(tx, {
      actorId,
      action: 'support-agreement-create',
      entityType: 'support_agreement',
      entityId: agreement.id,
      after: agreement,
    });
    await appendAudit(tx, {
      actorId,
      action: 'support-request-match',
      entityType: 'support_request',
      entityId: request.request.id,
      before: { status: 'open' },
      after: { status: 'matched' },
    });
    // Both schools' leaders hear of the match, each on their own school's support page.
    const supporting = await repo.findOpenSchool(tx, number);
    for (const schoolNumber of [request.request.schoolNumber, number])
      await recordEvent(tx, {
        kind: 'support_matched',
        actorId,
        subject: { type: 'support_agreement', id: agreement.id },
        link: `/schools/${schoolNumber}/support`,
        schoolNumber,
        params: { ...requestParams(request), supportingSchool: supporting?.name ?? number },
      });
    return { ok: true as const, agreement };
  });
}

/** The requesting school records the impact at the end: the agreement is completed and the request closed. */
export async function recordImpact(
  db: Db,
  actorId: string,
  row: repo.AgreementRow,
  version: number,
  values: { impact: string; language: string },
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: 'conflict' }> {
  return db.transaction(async (tx) => {
    const saved = await repo.recordImpact(tx, row.agreement.id, version, values.impact, values.language, now);
    if (!saved) return { ok: false as const, reason: 'conflict' as const };
    await repo.moveRequest(tx, row.agreement.requestId, { status: 'matched' }, 'closed', now);
    await appendAudit(tx, {
      actorId,
      action: 'support-impact-record',
      entityType: 'support_agreement',
      entityId: row.agreement.id,
      before: { impact: row.agreement.impact },
      after: { impact: values.impact },
    });
    // The broker and the supporting school hear that the support is over and its impact recorded.
    const request = (await repo.findRequestRow(tx, row.agreement.requestId))!;
    const params = { ...requestParams(request), supportingSchool: row.supportingSchoolName };
    const subject = { type: 'support_request', id: request.request.id };
    await recordEvent(tx, { kind: 'support_closed', actorId, subject, ...brokerPlace(request), params });
    const supportingSchool = row.agreement.supportingSchoolNumber;
    await recordEvent(tx, {
      kind: 'support_closed',
      actorId,
      subject,
      link: `/schools/${supportingSchool}/support`,
      schoolNumber: supportingSchool,
      params,
    });
    return { ok: true as const };
  });
}
