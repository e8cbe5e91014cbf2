import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { Saved } from './cycle-service.ts';
import * as repo from './items-repository.ts';
import { checkEvidence, checkFinding, type EvidenceForm, type FindingForm } from './se-forms.ts';

/** Who acted, in which language, and when. */
type Actor = { actorId: string; language: string; now: Date };

/** Adds evidence to the cycle (`existing` absent) or saves an edit of it at `version`. */
export async function saveEvidence(
  db: Db,
  who: Actor,
  cycleId: string,
  form: EvidenceForm,
  existing?: { row: repo.LaEvidence; version: number },
): Promise<Saved<repo.LaEvidence>> {
  const checked = checkEvidence(form);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const values = { ...checked.values, language: who.language };
  return db.transaction(async (tx) => {
    if (!existing) {
      const row = await repo.insertEvidence(tx, { ...values, cycleId, createdBy: who.actorId });
      await appendAudit(tx, {
        actorId: who.actorId,
        action: 'la-evidence-create',
        entityType: 'la_evidence',
        entityId: row.id,
        after: { ...values, cycleId },
      });
      return { ok: true as const, row };
    }
    const { row: before, version } = existing;
    const row = await repo.updateEvidence(tx, before.id, version, values, who.now);
    if (!row) return { ok: false as const, reason: 'conflict' as const, current: before };
    const { source, observedOn, title, body, nifThemes, language } = before;
    await appendAudit(tx, {
      actorId: who.actorId,
      action: 'la-evidence-update',
      entityType: 'la_evidence',
      entityId: row.id,
      before: { source, observedOn, title, body, nifThemes, language },
      after: values,
    });
    return { ok: true as const, row };
  });
}

/** A finding of the cycle, linked only to evidence of the same cycle (la_finding_evidence). */
export async function saveFinding(
  db: Db,
  who: Actor,
  cycleId: string,
  form: FindingForm,
  existing?: { row: repo.LaFinding; version: number },
): Promise<Saved<repo.LaFinding>> {
  const checked = checkFinding(form);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const { evidenceIds, ...fields } = checked.values;
  const values = { ...fields, language: who.language };
  // The audit entry keeps the shape it had when the links were a column: the fields and the evidence ids.
  const after = { ...values, evidenceIds };
  return db.transaction(async (tx) => {
    if ((await repo.evidenceInCycle(tx, cycleId, evidenceIds)).length !== evidenceIds.length) {
      return {
        ok: false as const,
        reason: 'invalid' as const,
        errors: { evidenceIds: 'laSelfEvaluation.errors.evidenceIdsInvalid' },
      };
    }
    if (!existing) {
      const row = await repo.insertFinding(tx, { ...values, cycleId, createdBy: who.actorId });
      await repo.replaceFindingEvidence(tx, row.id, evidenceIds);
      await appendAudit(tx, {
        actorId: who.actorId,
        action: 'la-finding-create',
        entityType: 'la_finding',
        entityId: row.id,
        after: { ...after, cycleId },
      });
      return { ok: true as const, row: { ...row, evidenceIds } };
    }
    const { row: before, version } = existing;
    const row = await repo.updateFinding(tx, before.id, version, values, who.now);
    if (!row) return { ok: false as const, reason: 'conflict' as const, current: before };
    await repo.replaceFindingEvidence(tx, row.id, evidenceIds);
    const { kind, title, body, nifTheme, language } = before;
    await appendAudit(tx, {
      actorId: who.actorId,
      action: 'la-finding-update',
      entityType: 'la_finding',
      entityId: row.id,
      before: { kind, title, body, nifTheme, evidenceIds: before.evidenceIds, language },
      after,
    });
    return { ok: true as const, row: { ...row, evidenceIds } };
  });
}
