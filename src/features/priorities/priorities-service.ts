import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { isOneOf, NIF_THEMES, PRIORITY_ORIGINS, PRIORITY_STATES } from '../../reference/reference-data.ts';
import {
  canMove,
  needsReadiness,
  priorityReadiness,
  type ReadinessPart,
} from '../../self-evaluation/priority-readiness.ts';
import * as repo from './priorities-repository.ts';
import { isUuid } from '../../lib/request-schemas.ts';

export const LIMITS = {
  title: 200,
  description: 10_000,
  learners: 1_000,
  successMeasure: 5_000,
  findings: 100,
} as const;

export type PriorityInput = {
  title: string;
  description: string;
  nifTheme: string;
  learners: string;
  successMeasure: string;
  nationalPriorities: string[];
  origin: string;
  language: string;
  findingIds: string[];
};
type Conflict = { ok: false; reason: 'conflict'; current: repo.Priority; currentFindingIds: string[] };
export type PriorityResult =
  { ok: true; priority: repo.Priority } | { ok: false; reason: 'invalid'; errors: FieldErrors } | Conflict;
export type StateResult = PriorityResult | { ok: false; reason: 'not-ready'; missing: ReadinessPart[] };

/** Where each missing part is entered on the form. */
export const PART_FIELDS: Record<ReadinessPart, string> = {
  finding: 'findingIds',
  nifTheme: 'nifTheme',
  learners: 'learners',
  successMeasure: 'successMeasure',
};

export function validatePriority(input: PriorityInput, nationalCodes: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const tooLong = (field: keyof typeof LIMITS, value: string) =>
    value.length > LIMITS[field] && (errors[field] = `pages.priorities.errors.${field}TooLong`);
  if (!input.title) errors.title = 'pages.priorities.errors.titleMissing';
  else tooLong('title', input.title);
  tooLong('description', input.description);
  tooLong('learners', input.learners);
  tooLong('successMeasure', input.successMeasure);
  if (input.nifTheme && !isOneOf(NIF_THEMES, input.nifTheme)) errors.nifTheme = 'pages.priorities.errors.nifTheme';
  if (input.nationalPriorities.some((code) => !nationalCodes.includes(code)))
    errors.nationalPriorities = 'pages.priorities.errors.nationalPriorities';
  if (!isOneOf(PRIORITY_ORIGINS, input.origin)) errors.origin = 'pages.priorities.errors.origin';
  if (input.language !== 'en' && input.language !== 'cy') errors.language = 'pages.priorities.errors.language';
  if (input.findingIds.some((id) => !isUuid(id))) errors.findingIds = 'pages.priorities.errors.findings';
  else if (input.findingIds.length > LIMITS.findings) errors.findingIds = 'pages.priorities.errors.tooManyFindings';
  return errors;
}

const values = (input: PriorityInput): repo.PriorityValues => ({
  title: input.title,
  description: input.description,
  nifTheme: input.nifTheme || null,
  learners: input.learners,
  successMeasure: input.successMeasure,
  nationalPriorities: input.nationalPriorities,
  origin: input.origin,
  language: input.language,
});

async function check(tx: Db, schoolNumber: string, input: PriorityInput): Promise<FieldErrors> {
  const codes = (await repo.nationalPriorityList(tx)).map((n) => n.code);
  const errors = validatePriority(input, codes);
  if (
    !errors.findingIds &&
    (await repo.findingsOfSchool(tx, schoolNumber, input.findingIds)).length !== input.findingIds.length
  )
    errors.findingIds = 'pages.priorities.errors.findings';
  return errors;
}

/** A new priority starts as a draft in the cycle. */
export async function createPriority(
  db: Db,
  actorId: string,
  school: SchoolContext,
  cycleId: string,
  input: PriorityInput,
): Promise<PriorityResult> {
  return db.transaction(async (tx) => {
    const errors = await check(tx, school.number, input);
    if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
    const priority = await repo.insertPriority(tx, {
      ...values(input),
      schoolNumber: school.number,
      cycleId,
      createdBy: actorId,
    });
    await repo.replacePriorityFindings(tx, priority.id, input.findingIds);
    await appendAudit(tx, {
      actorId,
      action: 'priority-create',
      entityType: 'priority',
      entityId: priority.id,
      after: { ...values(input), findingIds: input.findingIds, cycleId, state: priority.state },
    });
    return { ok: true as const, priority };
  });
}

/**
 * Saves a priority, refusing to overwrite anyone who saved since `version` was read. Once agreed,
 * it must stay ready: an edit may not take away its finding, theme, learners or success measure.
 */
export async function updatePriority(
  db: Db,
  actorId: string,
  priority: repo.Priority,
  version: number,
  input: PriorityInput,
  now: Date,
): Promise<PriorityResult> {
  return db.transaction(async (tx) => {
    const errors = await check(tx, priority.schoolNumber, input);
    if (needsReadiness(priority.state)) {
      for (const part of priorityReadiness({
        ...input,
        nifTheme: input.nifTheme || null,
        findingCount: input.findingIds.length,
      }))
        errors[PART_FIELDS[part]] ??= `pages.priorities.errors.stillNeeded.${part}`;
    }
    if (Object.keys(errors).length) return { ok: false as const, reason: 'invalid' as const, errors };
    const beforeIds = await repo.linkedFindingIds(tx, priority.id);
    const updated = await repo.updatePriority(tx, priority.id, version, values(input), now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findPriorityById(tx, priority.id))!,
        currentFindingIds: beforeIds,
      };
    await repo.replacePriorityFindings(tx, priority.id, input.findingIds);
    const { title, description, nifTheme, learners, successMeasure, nationalPriorities, origin, language } = priority;
    const before = {
      title,
      description,
      nifTheme,
      learners,
      successMeasure,
      nationalPriorities,
      origin,
      language,
      findingIds: beforeIds,
    };
    await appendAudit(tx, {
      actorId,
      action: 'priority-update',
      entityType: 'priority',
      entityId: priority.id,
      before,
      after: { ...values(input), findingIds: input.findingIds },
    });
    return { ok: true as const, priority: updated };
  });
}

/** Moves a priority along its states; agreeing it (or anything after) needs it to be ready. */
export async function changeState(
  db: Db,
  actorId: string,
  priority: repo.Priority,
  version: number,
  to: string,
  now: Date,
): Promise<StateResult> {
  if (!isOneOf(PRIORITY_STATES, to) || !canMove(priority.state, to))
    return { ok: false, reason: 'invalid', errors: { state: 'pages.priorities.errors.transition' } };
  return db.transaction(async (tx) => {
    if (needsReadiness(to)) {
      const missing = priorityReadiness({
        ...priority,
        findingCount: (await repo.linkedFindingIds(tx, priority.id)).length,
      });
      if (missing.length) return { ok: false as const, reason: 'not-ready' as const, missing };
    }
    const updated = await repo.updatePriority(tx, priority.id, version, { state: to }, now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findPriorityById(tx, priority.id))!,
        currentFindingIds: await repo.linkedFindingIds(tx, priority.id),
      };
    await appendAudit(tx, {
      actorId,
      action: 'priority-state',
      entityType: 'priority',
      entityId: priority.id,
      before: { state: priority.state },
      after: { state: to },
    });
    return { ok: true as const, priority: updated };
  });
}
