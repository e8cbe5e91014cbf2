import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import {
  validatePartnershipForm,
  validateStaffForm,
  type PartnershipForm,
  type StaffForm,
} from './partnership-form.ts';
import { findPartnership } from '../../local-authority/la-partnership-repository.ts';
import * as repo from './partnership-repository.ts';

export type SaveResult =
  | { ok: true; partnership: repo.Partnership }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: repo.Partnership; currentMembers: string[] };

const snapshot = (p: repo.PartnershipValues, members: string[]) => ({
  kind: p.kind,
  nameEn: p.nameEn,
  nameCy: p.nameCy,
  purpose: p.purpose,
  services: p.services,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  members,
});

/** An officer records a partnership of their LA with others (their LA must be one of the members). */
export async function createPartnership(
  db: Db,
  actorId: string,
  form: PartnershipForm,
  laCodes: string[],
  ownCodes: string[],
  language: string,
): Promise<SaveResult> {
  const validation = validatePartnershipForm(form, laCodes, ownCodes);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const partnership = await repo.insertPartnership(tx, { ...validation.values, language });
    await repo.replaceMembers(tx, partnership.id, validation.members);
    await appendAudit(tx, {
      actorId,
      action: 'partnership-create',
      entityType: 'la_partnership',
      entityId: partnership.id,
      after: snapshot(partnership, validation.members),
    });
    return { ok: true as const, partnership };
  });
}

/** Saves an edit unless someone saved since `version`. */
export async function updatePartnership(
  db: Db,
  actorId: string,
  before: repo.Partnership,
  beforeMembers: string[],
  version: number,
  form: PartnershipForm,
  laCodes: string[],
  ownCodes: string[],
  language: string,
): Promise<SaveResult> {
  const validation = validatePartnershipForm(form, laCodes, ownCodes);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const updated = await repo.updatePartnership(tx, before.id, version, { ...validation.values, language });
    if (!updated) {
      const current = (await findPartnership(tx, before.id))!;
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: current.partnership,
        currentMembers: current.laCodes,
      };
    }
    await repo.replaceMembers(tx, before.id, validation.members);
    await appendAudit(tx, {
      actorId,
      action: 'partnership-update',
      entityType: 'la_partnership',
      entityId: before.id,
      before: snapshot(before, beforeMembers),
      after: snapshot(updated, validation.members),
    });
    return { ok: true as const, partnership: updated };
  });
}

export async function addStaff(db: Db, actorId: string, partnershipId: string, memberCodes: string[], form: StaffForm) {
  const errors = validateStaffForm(form, memberCodes);
  if (Object.keys(errors).length) return { ok: false as const, errors };
  return db.transaction(async (tx) => {
    const staff = await repo.insertStaff(tx, partnershipId, {
      name: form.name,
      post: form.post,
      employingLaCode: form.employingLaCode || null,
    });
    await appendAudit(tx, {
      actorId,
      action: 'partnership-staff-add',
      entityType: 'la_partnership_staff',
      entityId: staff.id,
      after: { partnership: partnershipId, name: staff.name, post: staff.post, employingLaCode: staff.employingLaCode },
    });
    return { ok: true as const, staff };
  });
}

export async function removeStaff(db: Db, actorId: string, partnershipId: string, staffId: string) {
  return db.transaction(async (tx) => {
    const removed = await repo.deleteStaff(tx, partnershipId, staffId);
    if (removed)
      await appendAudit(tx, {
        actorId,
        action: 'partnership-staff-remove',
        entityType: 'la_partnership_staff',
        entityId: removed.id,
        before: {
          partnership: partnershipId,
          name: removed.name,
          post: removed.post,
          employingLaCode: removed.employingLaCode,
        },
      });
    return removed;
  });
}
