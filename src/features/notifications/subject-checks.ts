// Opening a notification asks again whether its reader may still see what it is about (issue 12):
// being told once is no licence to see it later. One check per subject type; every subject also
// passes its link's own route (the coarse access and its scope's loader, run on the record as it
// stands now: `request.mayOpen`), so a type with no check of its own is still asked the question
// the page itself would ask. A shared item needs more: its page (a school's evidence, say) opens
// for a governor whatever is shared, and it is the handler that hides an item no longer shared, so
// the route alone would pass a withdrawn share. Its check reads the shares, as the lists do.
import type { Db } from '../../db/client.ts';
import { audiencesFor, schoolCan } from '../../policy/school-policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { findSchoolContext } from '../../school/school-repository.ts';
import { itemSchool, SHAREABLE_TYPES, sharesFor, type ShareableType } from '../../sharing/share-repository.ts';
import type { InboxItem } from './inbox-repository.ts';
import { shareKeyOf } from '../../notifications/audience-rules.ts';

export type MayOpen = (address: string) => Promise<boolean>;
type SubjectCheck = (
  db: Db,
  user: CurrentUser,
  subject: { type: string; id: string },
  mayOpen: MayOpen,
) => Promise<boolean>;

const isShareable = (type: string): type is ShareableType => (SHAREABLE_TYPES as readonly string[]).includes(type);

/** A school's item: all of it for its staff, else only while it is shared with an audience the reader belongs to. */
const sharedItemVisible: SubjectCheck = async (db, user, subject, mayOpen) => {
  if (!isShareable(subject.type)) return false;
  const schoolNumber = await itemSchool(db, subject.type, subject.id);
  const school = schoolNumber ? await findSchoolContext(db, schoolNumber) : null;
  if (!school) return false;
  if (schoolCan(user, school).readPrivate) return true;
  const audiences: string[] = audiencesFor(user, school);
  const shares = (await sharesFor(db, subject.type, [subject.id])).get(subject.id) ?? [];
  for (const share of shares) {
    if (audiences.includes(share.audience)) return true;
    // Shared with a collaborative: seen by whoever may open that collaborative's space.
    if (share.audience === 'collaborative' && (await mayOpen(`/collaboratives/${share.audienceId}`))) return true;
  }
  return false;
};

/** "Shared with you": the subject is the share (its item, and who it was shared with); the item must still be visible. */
const shareStillStands: SubjectCheck = async (db, user, subject, mayOpen) => {
  const [itemType = '', itemId = ''] = shareKeyOf(subject.id);
  return sharedItemVisible(db, user, { type: itemType, id: itemId }, mayOpen);
};

const SUBJECT_CHECKS: Record<string, SubjectCheck> = {
  ...Object.fromEntries(SHAREABLE_TYPES.map((type) => [type, sharedItemVisible])),
  share: shareStillStands,
};

/** Whether the reader may still see the notification's subject: its own check (if any) and its link's route. */
export async function mayStillSee(db: Db, user: CurrentUser, item: InboxItem, mayOpen: MayOpen): Promise<boolean> {
  const check = SUBJECT_CHECKS[item.subjectType];
  if (check && !(await check(db, user, { type: item.subjectType, id: item.subjectId }, mayOpen))) return false;
  return mayOpen(item.link);
}
