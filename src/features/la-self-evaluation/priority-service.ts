import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { Saved } from './cycle-service.ts';
import { findingsInCycle } from './items-repository.ts';
import { schoolsSharing } from './picture-repository.ts';
import * as repo from './priority-repository.ts';
import { checkPriority, parseDrawnFrom, type PriorityForm } from './se-forms.ts';

/** Who acted, in which language, and when. */
type Actor = { actorId: string; language: string; now: Date };
const kept = (p: repo.LaPriority) => {
  const { title, description, nifTheme, nationalPriorities, successMeasure, state, findingIds, language } = p;
  return { title, description, nifTheme, nationalPriorities, successMeasure, state, findingIds, language };
};

/**
 * Adds or edits one of the LA's priorities. A new priority drawn from the local picture records how
 * many schools shared a priority in that row, counted again here, not taken from the form.
 */
export async function savePriority(
  db: Db,
  who: Actor,
  cycle: { id: string; laCode: string },
  form: PriorityForm,
  existing?: { row: repo.LaPriority; version: number },
): Promise<Saved<repo.LaPriority>> {
  const nationalCodes = (await repo.nationalPriorityList(db)).map((n) => n.code);
  const checked = checkPriority(form, nationalCodes);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const { findingIds, ...fields } = checked.values;
  const values = { ...fields, language: who.language };
  // The audit entry keeps the shape it had when the links were a column: the fields and the finding ids.
  const after = { ...values, findingIds };
  return db.transaction(async (tx) => {
    if ((await findingsInCycle(tx, cycle.id, findingIds)).length !== findingIds.length) {
      return {
        ok: false as const,
        reason: 'invalid' as const,
        errors: { findingIds: 'laSelfEvaluation.errors.findingIdsInvalid' },
      };
    }
    if (!existing) {
      const drawn = parseDrawnFrom(form.drawnFrom, nationalCodes);
      const count = drawn ? await schoolsSharing(tx, cycle.laCode, drawn) : null;
      const row = await repo.insertPriority(tx, {
        ...values,
        cycleId: cycle.id,
        schoolsSharing: count,
        createdBy: who.actorId,
      });
      await repo.replacePriorityFindings(tx, row.id, findingIds);
      await appendAudit(tx, {
        actorId: who.actorId,
        action: 'la-priority-create',
        entityType: 'la_priority',
        entityId: row.id,
        after: { ...after, cycleId: cycle.id, drawnFrom: drawn, schoolsSharing: count },
      });
      return { ok: true as const, row: { ...row, findingIds } };
    }
    const row = await repo.updatePriority(tx, existing.row.id, existing.version, values, who.now);
    if (!row) return { ok: false as const, reason: 'conflict' as const, current: existing.row };
    await repo.replacePriorityFindings(tx, row.id, findingIds);
    await appendAudit(tx, {
      actorId: who.actorId,
      action: 'la-priority-update',
      entityType: 'la_priority',
      entityId: row.id,
      before: kept(existing.row),
      after,
    });
    return { ok: true as const, row: { ...row, findingIds } };
  });
}
