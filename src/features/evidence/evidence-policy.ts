import type { CurrentUser } from '../../policy/roles.ts';
import { audiencesFor, type SchoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';

type ItemState = { createdBy: string | null; curated: boolean; archived: boolean };

/** Leaders edit every item; a practitioner edits their own until a leader has reviewed it. */
export function mayEditEvidence(userId: string | undefined, can: SchoolCan, item: ItemState): boolean {
  if (can.edit) return true;
  return can.addEvidence && !!userId && item.createdBy === userId && !item.curated && !item.archived;
}

/** What the item page offers this reader. */
export function evidenceActions(userId: string | undefined, can: SchoolCan, item: ItemState) {
  return {
    edit: mayEditEvidence(userId, can, item),
    curate: can.curate && !item.curated && !item.archived,
    archive: can.edit && !item.archived,
    restore: can.edit && item.archived,
  };
}

/** Staff read every item of their school; anyone else only what was shared with them. */
export function evidenceAccess(user: CurrentUser | null, school: SchoolContext, can: SchoolCan): ItemAccess {
  return can.readPrivate ? { all: true } : { audiences: audiencesFor(user, school) };
}
