import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import {
  basisFor,
  firstMemberBreakingKind,
  membershipProblem,
  validateDetails,
  type CollaborativeDetails,
  type Problem,
} from './collaborative-rules.ts';
import * as repo from './collaborative-repository.ts';
import { findCollaborative } from '../../collaboration/collaboration-repository.ts';

export type Invalid = { ok: false; reason: 'invalid'; errors: FieldErrors; problem?: Problem };
export type SaveResult =
  | { ok: true; collaborative: repo.Collaborative }
  | Invalid
  | { ok: false; reason: 'conflict'; current: repo.Collaborative };

const valuesOf = (input: CollaborativeDetails): repo.CollaborativeValues => ({
  kind: input.kind,
  nameEn: input.nameEn,
  nameCy: input.nameCy,
  status: input.status,
  basis: basisFor(input.kind, input.basis),
});

export async function createCollaborative(
  db: Db,
  actorId: string,
  laCode: string,
  input: CollaborativeDetails,
): Promise<SaveResult> {
  const errors = validateDetails(input);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  return db.transaction(async (tx) => {
    const collaborative = await repo.insertCollaborative(tx, { ...valuesOf(input), laCode });
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-create',
      entityType: 'collaborative',
      entityId: collaborative.id,
      after: collaborative,
    });
    return { ok: true as const, collaborative };
  });
}

/** Saves the details unless someone saved since `version`; a cluster cannot become vertical around another LA's school. */
export async function updateCollaborative(
  db: Db,
  actorId: string,
  current: repo.Collaborative,
  version: number,
  input: CollaborativeDetails,
): Promise<SaveResult> {
  const errors = validateDetails(input);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  return db.transaction(async (tx) => {
    const problem = firstMemberBreakingKind(
      { kind: input.kind, laCode: current.laCode },
      await repo.listMembers(tx, current.id),
    );
    if (problem) return { ok: false as const, reason: 'invalid' as const, errors: { kind: problem.key }, problem };
    const updated = await repo.updateCollaborative(tx, current.id, version, valuesOf(input));
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await findCollaborative(tx, current.id))! };
    const { kind, nameEn, nameCy, status, basis } = current;
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-update',
      entityType: 'collaborative',
      entityId: current.id,
      before: { kind, nameEn, nameCy, status, basis },
      after: valuesOf(input),
    });
    return { ok: true as const, collaborative: updated };
  });
}

export type ChangeResult = { ok: true } | { ok: false; problem: Problem };

export async function addMember(
  db: Db,
  actorId: string,
  collaborative: repo.Collaborative,
  schoolNumber: string,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const school = /^\d{7}$/.test(schoolNumber) ? await repo.findSchool(tx, schoolNumber) : null;
    const problem = membershipProblem(collaborative, school, schoolNumber);
    if (problem) return { ok: false as const, problem };
    if (!(await repo.insertMember(tx, collaborative.id, schoolNumber)))
      return {
        ok: false as const,
        problem: {
          key: 'pages.collaboratives.errors.alreadyMember',
          values: { school: school!.name, number: schoolNumber },
        },
      };
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-member-add',
      entityType: 'collaborative',
      entityId: collaborative.id,
      after: { school: schoolNumber },
    });
    return { ok: true as const };
  });
}

export async function removeMember(
  db: Db,
  actorId: string,
  collaborativeId: string,
  schoolNumber: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.deleteMember(tx, collaborativeId, schoolNumber))) return false;
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-member-remove',
      entityType: 'collaborative',
      entityId: collaborativeId,
      before: { school: schoolNumber },
    });
    return true;
  });
}

/** A lead holds the collaborative_lead role for this collaborative; only staff of member schools may be one. */
export async function addLead(db: Db, actorId: string, collaborativeId: string, userId: string): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const candidates = await repo.leadCandidates(tx, collaborativeId);
    if (!candidates.some((c) => c.id === userId))
      return { ok: false as const, problem: { key: 'pages.collaboratives.errors.leadNotStaff', values: {} } };
    if (await repo.insertLead(tx, collaborativeId, userId)) {
      await appendAudit(tx, {
        actorId,
        action: 'collaborative-lead-add',
        entityType: 'collaborative',
        entityId: collaborativeId,
        after: { lead: userId },
      });
    }
    return { ok: true as const };
  });
}

export async function removeLead(db: Db, actorId: string, collaborativeId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.deleteLead(tx, collaborativeId, userId))) return false;
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-lead-remove',
      entityType: 'collaborative',
      entityId: collaborativeId,
      before: { lead: userId },
    });
    return true;
  });
}

/** Facilitators are LA officers or improvement partners of the collaborative's LA. */
export async function addFacilitator(
  db: Db,
  actorId: string,
  collaborative: repo.Collaborative,
  userId: string,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const candidates = collaborative.laCode ? await repo.facilitatorCandidates(tx, collaborative.laCode) : [];
    if (!candidates.some((c) => c.id === userId))
      return { ok: false as const, problem: { key: 'pages.collaboratives.errors.facilitatorNotStaff', values: {} } };
    if (await repo.insertFacilitator(tx, collaborative.id, userId)) {
      await appendAudit(tx, {
        actorId,
        action: 'collaborative-facilitator-add',
        entityType: 'collaborative',
        entityId: collaborative.id,
        after: { facilitator: userId },
      });
    }
    return { ok: true as const };
  });
}

export async function removeFacilitator(
  db: Db,
  actorId: string,
  collaborativeId: string,
  userId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.deleteFacilitator(tx, collaborativeId, userId))) return false;
    await appendAudit(tx, {
      actorId,
      action: 'collaborative-facilitator-remove',
      entityType: 'collaborative',
      entityId: collaborativeId,
      before: { facilitator: userId },
    });
    return true;
  });
}
