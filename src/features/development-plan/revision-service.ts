import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { buildSnapshot } from './plan-snapshot.ts';
import { PLAN_STATES } from './plan-service.ts';
import * as planRepo from './plan-repository.ts';
import { planOutline } from './outline-repository.ts';
import * as repo from './revision-repository.ts';

export const MAX_NOTE_LENGTH = 1000;

export type RevisionResult = { ok: true; number: number } | { ok: false; errors: Record<string, string> };

/**
 * Freezes the whole plan as it stands (summary, the priorities in it, their success criteria and
 * actions) as the next numbered revision, for the governing body to read and approve.
 */
export async function saveRevision(
  db: Db,
  actorId: string,
  school: SchoolContext,
  planId: string,
  academicYear: number,
  note: string,
): Promise<RevisionResult> {
  if (note.length > MAX_NOTE_LENGTH) return { ok: false, errors: { note: 'pages.planRevisions.errors.noteTooLong' } };
  return db.transaction(async (tx) => {
    await repo.lockPlanRevisions(tx, planId);
    const plan = (await planRepo.findPlan(tx, planId))!;
    const cycleId = await planRepo.findCycleId(tx, school.number, academicYear);
    const priorities = cycleId ? await planRepo.cyclePriorities(tx, cycleId, PLAN_STATES, { all: true }) : [];
    const ids = priorities.map((p) => p.id);
    const [criteria, actions] = await Promise.all([planRepo.criteriaFor(tx, ids), planRepo.actionsFor(tx, ids)]);
    const snapshot = buildSnapshot(plan, academicYear, priorities, criteria, actions, await planOutline(tx, planId));
    const number = (await repo.latestRevisionNumber(tx, planId)) + 1;
    const revision = (await repo.insertRevision(tx, {
      planId,
      number,
      academicYear,
      snapshot,
      note,
      createdBy: actorId,
    }))!;
    await appendAudit(tx, {
      actorId,
      action: 'plan-revision-create',
      entityType: 'plan_revision',
      entityId: revision.id,
      after: { planId, number, academicYear, note, priorities: ids.length, actions: actions.length },
    });
    await recordEvent(tx, {
      kind: 'revision_awaiting_approval',
      actorId,
      subject: { type: 'plan_revision', id: revision.id },
      ...revisionEvent(school, number),
    });
    return { ok: true as const, number };
  });
}

/** Where a revision's events point and whose they are: the revision's page, in its school. */
export function revisionEvent(school: SchoolContext, number: number) {
  return {
    link: `/schools/${school.number}/plan/revisions/${number}`,
    schoolNumber: school.number,
    laCode: school.laCode || null,
    params: { school: school.name, number: String(number) },
  };
}
