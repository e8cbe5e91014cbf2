// What the daily scan reminds action owners of (issue 13): every action led by a person, still to do,
// due in a window of days, across all owners at once, in one query (src/actions/action-rows-repository.ts). It
// re-checks in SQL the access My actions checks, so an owner who has left the school, collaborative
// or LA, or may no longer open the concern case, is not reminded of it; an inactive account is not
// either.
import { and, gte, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actionsToDo, everyKind, type ActionRow } from '../../actions/action-rows-repository.ts';
import { isActive } from '../../actions/owner-access-repository.ts';

/** An action with its owner and due date (a concern support item: to review) known. */
export type OwnedActionDue = ActionRow & { dueOn: string; ownerUserId: string };

/** Actions led by a person, still to do, due (a concern support item: to review) in [from, to]. */
export async function ownedActionsDueBetween(db: Db, from: string, to: string): Promise<OwnedActionDue[]> {
  const rows = await actionsToDo(
    db,
    everyKind((c) =>
      and(isNotNull(c.owner), gte(c.dueOn, from), lte(c.dueOn, to), isActive(c.owner), c.mayOpen(c.owner)),
    ),
  );
  return rows as OwnedActionDue[];
}
