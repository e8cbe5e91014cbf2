import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { LEARNER_GROUPS } from '../../reference/reference-data.ts';
import { validateReview, type ReviewForm } from './impact-form.ts';
import * as repo from './impact-repository.ts';

/** Priorities whose impact is reviewed: once agreed, while in progress, and when reviewed. */
export const IMPACT_STATES = ['agreed', 'in_progress', 'reviewed'] as const;

export type ReviewSaveResult =
  | { ok: true; review: repo.ImpactReview }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: repo.ImpactReview; figures: repo.Figure[] };

/** Figures in the order of the reference list of groups, then by measure. */
export function sortFigures<T extends { learnerGroup: string; measure: string }>(figures: T[]): T[] {
  const rank = (g: string) => (LEARNER_GROUPS as readonly string[]).indexOf(g);
  return [...figures].sort((a, b) => rank(a.learnerGroup) - rank(b.learnerGroup) || a.measure.localeCompare(b.measure));
}

/**
 * Saves a priority's impact review as a whole (what changed, when, figures, evidence). `version`
 * is the one the form started from, 0 for a review nobody had written yet.
 */
export async function saveReview(
  db: Db,
  actorId: string,
  priority: repo.Priority,
  version: number,
  form: ReviewForm,
  context: { today: string; language: string; allowedPhrases: string[] },
  now: Date,
): Promise<ReviewSaveResult> {
  const checked = validateReview(form, context.today, context.allowedPhrases);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const values = { whatChanged: checked.whatChanged, reviewedOn: checked.reviewedOn, language: context.language };
  return db.transaction(async (tx) => {
    const existing = await repo.findReview(tx, priority.id);
    const saved = existing
      ? await repo.updateReview(tx, existing.id, version, values, now)
      : await repo.insertReview(tx, priority.id, values);
    if (!saved) {
      const current = (await repo.findReview(tx, priority.id))!;
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current,
        figures: sortFigures(await repo.reviewFigures(tx, current.id)),
      };
    }
    const evidenceIds = await repo.cycleEvidenceIds(tx, priority.cycleId, [...new Set(form.evidenceIds)]);
    const before = existing
      ? {
          whatChanged: existing.whatChanged,
          reviewedOn: existing.reviewedOn,
          figures: await repo.reviewFigures(tx, existing.id),
          evidence: await repo.reviewEvidenceIds(tx, existing.id),
        }
      : null;
    await repo.replaceFigures(tx, saved.id, checked.figures);
    await repo.replaceEvidence(tx, saved.id, evidenceIds);
    await appendAudit(tx, {
      actorId,
      action: existing ? 'impact-review-update' : 'impact-review-create',
      entityType: 'impact_review',
      entityId: saved.id,
      before,
      after: {
        priorityId: priority.id,
        whatChanged: values.whatChanged,
        reviewedOn: values.reviewedOn,
        figures: checked.figures,
        evidence: evidenceIds,
      },
    });
    return { ok: true as const, review: saved };
  });
}
