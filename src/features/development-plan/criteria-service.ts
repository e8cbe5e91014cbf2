import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import * as repo from './plan-repository.ts';

export const MAX_CRITERIA = 12;
export const MAX_CRITERION_LENGTH = 300;

/**
 * Success criteria have no version column of their own, so a form carries a fingerprint of the
 * list it started from: a save from an older list is a conflict, never a silent overwrite.
 */
export function criteriaBasis(texts: string[]): string {
  return createHash('sha256').update(JSON.stringify(texts)).digest('base64url').slice(0, 22);
}

export type CriteriaResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: string[] };

export function validateCriteria(texts: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  texts.forEach((text, i) => {
    if (text.length > MAX_CRITERION_LENGTH) errors[`criterion-${i}`] = 'pages.planCriteria.errors.tooLong';
  });
  if (texts.filter(Boolean).length > MAX_CRITERIA) errors['criterion-0'] = 'pages.planCriteria.errors.tooMany';
  return errors;
}

/** Replaces a priority's success criteria with the non-blank statements, in the order given. */
export async function saveCriteria(
  db: Db,
  actorId: string,
  priority: repo.Priority,
  basis: string,
  texts: string[],
): Promise<CriteriaResult> {
  const errors = validateCriteria(texts);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  const kept = texts.filter(Boolean);
  return db.transaction(async (tx) => {
    await repo.lockPriority(tx, priority.id);
    const current = (await repo.criteriaFor(tx, [priority.id])).map((c) => c.text);
    if (criteriaBasis(current) !== basis) return { ok: false as const, reason: 'conflict' as const, current };
    await repo.replaceCriteria(tx, priority.id, kept);
    await appendAudit(tx, {
      actorId,
      action: 'plan-criteria-update',
      entityType: 'priority',
      entityId: priority.id,
      before: { criteria: current },
      after: { criteria: kept },
    });
    return { ok: true as const };
  });
}
