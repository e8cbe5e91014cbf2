import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { isSafeHttpsUrl } from '../../lib/https-url.ts';
import { isUuid } from '../../lib/request-schemas.ts';
import * as repo from './inspection-repository.ts';

export const LIMITS = { reportUrl: 2_000, text: 2_000, priorities: 50 } as const;

export type InspectionInput = { inspectedOn: DateParts; reportUrl: string };
export type RecommendationInput = { text: string; language: string; priorityIds: string[] };

type Invalid = { ok: false; reason: 'invalid'; errors: FieldErrors };
export type InspectionResult =
  { ok: true; inspection: repo.Inspection } | Invalid | { ok: false; reason: 'conflict'; current: repo.Inspection };
export type RecommendationResult =
  | { ok: true; recommendation: repo.Recommendation }
  | Invalid
  | { ok: false; reason: 'conflict'; current: repo.Recommendation | null };

/** The date it was inspected (not after today) and, if given, an https link to the report. */
export function validateInspection(input: InspectionInput, today: string) {
  const errors: FieldErrors = {};
  const parsed = parseDateParts(input.inspectedOn);
  let inspectedOn: string | null = null;
  if (!parsed.ok) errors['inspectedOn-day'] = 'inspection.errors.dateInvalid';
  else if (!parsed.value) errors['inspectedOn-day'] = 'inspection.errors.dateMissing';
  else if (parsed.value > today) errors['inspectedOn-day'] = 'inspection.errors.dateFuture';
  else inspectedOn = parsed.value;
  if (input.reportUrl.length > LIMITS.reportUrl) errors.reportUrl = 'inspection.errors.reportUrlTooLong';
  else if (input.reportUrl && !isSafeHttpsUrl(input.reportUrl, LIMITS.reportUrl))
    errors.reportUrl = 'inspection.errors.reportUrlHttps';
  return { errors, inspectedOn };
}

export function validateRecommendation(input: RecommendationInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.text) errors.text = 'inspection.errors.textMissing';
  else if (input.text.length > LIMITS.text) errors.text = 'inspection.errors.textTooLong';
  if (input.language !== 'en' && input.language !== 'cy') errors.language = 'inspection.errors.language';
  if (input.priorityIds.length > LIMITS.priorities) errors.priorityIds = 'inspection.errors.tooManyPriorities';
  else if (input.priorityIds.some((id) => !isUuid(id))) errors.priorityIds = 'inspection.errors.priorities';
  return errors;
}

/** Records the last inspection, or changes it if nobody saved since `version` (none: it is the first). */
export async function saveInspection(
  db: Db,
  actorId: string,
  schoolNumber: string,
  version: number | undefined,
  input: InspectionInput,
  now: Date,
  today: string,
): Promise<InspectionResult> {
  const { errors, inspectedOn } = validateInspection(input, today);
  if (!inspectedOn || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  const values = { inspectedOn, reportUrl: input.reportUrl };
  return db.transaction(async (tx) => {
    const existing = await repo.findInspection(tx, schoolNumber);
    const saved = !existing
      ? await repo.insertInspection(tx, { schoolNumber, ...values, createdBy: actorId })
      : version === undefined
        ? null
        : await repo.updateInspection(tx, existing.id, version, values, now);
    if (!saved)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findInspection(tx, schoolNumber))!,
      };
    await appendAudit(tx, {
      actorId,
      action: 'inspection-save',
      entityType: 'inspection',
      entityId: saved.id,
      before: existing ? { inspectedOn: existing.inspectedOn, reportUrl: existing.reportUrl } : null,
      after: { school: schoolNumber, ...values },
    });
    return { ok: true as const, inspection: saved };
  });
}

async function checkRecommendation(tx: Db, schoolNumber: string, input: RecommendationInput) {
  const errors = validateRecommendation(input);
  if (
    !errors.priorityIds &&
    (await repo.countSchoolPriorities(tx, schoolNumber, input.priorityIds)) !== input.priorityIds.length
  )
    errors.priorityIds = 'inspection.errors.priorities';
  return errors;
}

/** Adds the next recommendation (R<n+1>) with the priorities that address it. */
export async function addRecommendation(
  db: Db,
  actorId: string,
  inspection: repo.Inspection,
  input: RecommendationInput,
): Promise<RecommendationResult> {
  return db.transaction(async (tx) => {
    const errors = await checkRecommendation(tx, inspection.schoolNumber, input);
    if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
    await repo.lockInspection(tx, inspection.id);
    const number = (await repo.lastNumber(tx, inspection.id)) + 1;
    const recommendation = await repo.insertRecommendation(tx, {
      inspectionId: inspection.id,
      number,
      text: input.text,
      language: input.language,
      createdBy: actorId,
    });
    await repo.replaceLinks(tx, recommendation.id, input.priorityIds);
    await appendAudit(tx, {
      actorId,
      action: 'inspection-recommendation-add',
      entityType: 'inspection_recommendation',
      entityId: recommendation.id,
      after: { number, text: input.text, language: input.language, priorityIds: input.priorityIds },
    });
    return { ok: true as const, recommendation };
  });
}

/** Changes a recommendation's words and its priorities, refusing to overwrite anyone who saved since `version`. */
export async function updateRecommendation(
  db: Db,
  actorId: string,
  schoolNumber: string,
  rec: repo.Recommendation,
  version: number,
  input: RecommendationInput,
  now: Date,
): Promise<RecommendationResult> {
  return db.transaction(async (tx) => {
    const errors = await checkRecommendation(tx, schoolNumber, input);
    if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
    const before = await repo.linkedPriorityIds(tx, rec.id);
    const saved = await repo.updateRecommendation(
      tx,
      rec.id,
      version,
      { text: input.text, language: input.language },
      now,
    );
    if (!saved)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: await repo.findRecommendation(tx, schoolNumber, rec.id),
      };
    await repo.replaceLinks(tx, rec.id, input.priorityIds);
    await appendAudit(tx, {
      actorId,
      action: 'inspection-recommendation-update',
      entityType: 'inspection_recommendation',
      entityId: rec.id,
      before: { text: rec.text, language: rec.language, priorityIds: before },
      after: { text: input.text, language: input.language, priorityIds: input.priorityIds },
    });
    return { ok: true as const, recommendation: saved };
  });
}

/** Removes a recommendation (recorded in error); those after it move up a number. */
export async function removeRecommendation(db: Db, actorId: string, rec: repo.Recommendation): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.lockInspection(tx, rec.inspectionId);
    // Re-read under the lock: its number may have moved since the page was opened.
    const [current] = (await repo.recommendationsOf(tx, rec.inspectionId)).filter((r) => r.id === rec.id);
    if (!current || !(await repo.deleteRecommendation(tx, current))) return;
    await appendAudit(tx, {
      actorId,
      action: 'inspection-recommendation-remove',
      entityType: 'inspection_recommendation',
      entityId: rec.id,
      before: { number: current.number, text: current.text, language: current.language },
    });
  });
}
