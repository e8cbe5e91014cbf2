import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { shareSubjectId } from '../notifications/audience-rules.ts';
import { recordEvent } from '../notifications/events-repository.ts';
import type { SchoolCan, SchoolContext } from '../policy/school-policy.ts';
import { schoolCollaboratives } from '../directory/directory-repository.ts';
import * as repo from './share-repository.ts';

/** Where the body shared with opens the item: its school's page, or the collaborative's shared space. */
function shareLink(schoolNumber: string, key: repo.ShareKey): string {
  if (key.audience === 'collaborative')
    return `/collaboratives/${key.audienceId}/shared/${key.itemType}/${encodeURIComponent(key.itemId)}`;
  if (key.itemType === 'output') return `/schools/${schoolNumber}/outputs`;
  const section = { evidence: 'evidence', finding: 'findings', priority: 'priorities' }[key.itemType];
  return `/schools/${schoolNumber}/${section}/${key.itemId}`;
}

/** The bodies a share tells: the governors, the LA or a collaborative (not the public, nor WG's aggregates). */
const TOLD_AUDIENCES: readonly string[] = ['governors', 'la', 'collaborative'];

export type ShareChange = repo.ShareKey & { action: 'add' | 'remove' };
export type ShareOutcome = 'changed' | 'unchanged' | 'forbidden' | 'not-found';

/**
 * Widens or narrows who can see one item (DOMAIN.md section 7, rule 2), logged in the audit
 * trail so the item can show its history and any change can be undone.
 */
export async function changeSharing(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  change: ShareChange,
): Promise<ShareOutcome> {
  if (change.action === 'add' ? !can.widenSharing : !can.narrowSharing) return 'forbidden';
  if ((await repo.itemSchool(db, change.itemType, change.itemId)) !== school.number) return 'not-found';
  const audienceId = change.audience === 'collaborative' ? change.audienceId : '';
  if (change.audience === 'collaborative') {
    // A school shares only with collaboratives it belongs to (the directory knows which).
    const mine = await schoolCollaboratives(db, school.number);
    if (!mine.some((c) => c.id === audienceId)) return 'not-found';
  }
  const key = { itemType: change.itemType, itemId: change.itemId, audience: change.audience, audienceId };
  return db.transaction(async (tx) => {
    const done =
      change.action === 'add'
        ? await repo.insertShare(tx, { ...key, schoolNumber: school.number, sharedBy: actorId })
        : await repo.deleteShare(tx, key);
    if (!done) return 'unchanged';
    await appendAudit(tx, {
      actorId,
      action: change.action === 'add' ? 'share-add' : 'share-remove',
      entityType: change.itemType,
      entityId: change.itemId,
      before: change.action === 'remove' ? { audience: key.audience, audienceId } : null,
      after: change.action === 'add' ? { audience: key.audience, audienceId } : null,
    });
    if (change.action === 'add' && TOLD_AUDIENCES.includes(key.audience))
      await recordEvent(tx, {
        kind: 'shared_with_you',
        actorId,
        subject: { type: 'share', id: shareSubjectId(key) },
        link: shareLink(school.number, key),
        schoolNumber: school.number,
        laCode: school.laCode || null,
        collaborativeId: key.audience === 'collaborative' ? audienceId : null,
        params: {
          school: school.name,
          title: await repo.itemTitle(tx, key.itemType, key.itemId),
          ...(key.itemType === 'output' ? { output: key.itemId.split(':')[1] ?? '' } : {}),
        },
      });
    return 'changed';
  });
}
