// Telling a person an action is now theirs (issue 13), in the transaction that saves it. Only a
// change of owner to a person tells anyone: an edit that keeps the owner, an owner outside
// Cydwella, or taking an action on yourself tells nobody.
import type { Db } from '../../db/client.ts';
import { ACTION_SUBJECT_TYPES, actionParams, type ActionTable } from '../../notifications/action-params.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import { actionById, eventPlaceOf } from '../../actions/action-rows-repository.ts';

export async function tellNewOwner(
  tx: Db,
  change: {
    actorId: string;
    table: ActionTable;
    actionId: string;
    description: string;
    /** The owner before the change (null when created or when it had none, or someone outside). */
    before: string | null;
    after: string | null;
  },
): Promise<void> {
  const { actorId, table, actionId, before, after } = change;
  if (!after || after === before || after === actorId) return;
  const where = await actionById(tx, table, actionId);
  if (!where) return;
  await recordEvent(tx, {
    kind: 'action_assigned',
    actorId,
    subject: { type: ACTION_SUBJECT_TYPES[table], id: actionId },
    link: where.href,
    ...eventPlaceOf(where),
    audience: [after],
    params: actionParams(table, change.description, where.place),
  });
}
