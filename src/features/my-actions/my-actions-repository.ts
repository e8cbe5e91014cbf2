// "My actions" (issue 13): everything assigned to one person that they may still open, in one query
// (src/actions/action-rows-repository.ts). It re-checks, in SQL, the same access the action's own page decides
// by policy, so an action whose school, collaborative, LA or case the person has left (or a case
// they may no longer open) drops out.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  ACTION_COLUMNS,
  ACTION_KINDS,
  actionsToDo,
  reusedActionsToDo,
  everyKind,
  type ActionRow,
} from '../../actions/action-rows-repository.ts';
import { reachValues, readerReach } from '../../actions/owner-access-repository.ts';
import type { ActionTable } from '../../notifications/action-params.ts';
import type { RoleAssignment } from '../../policy/roles.ts';
import { addDaysTo } from '../../lib/clock.ts';

export type Timing = 'overdue' | 'dueSoon' | 'later' | 'undated';

/**
 * One action assigned to the person, still to do (a done action is no longer theirs to do), with
 * its `timing`: overdue (before today), dueSoon (within DUE_SOON_DAYS), later, or undated.
 */
export type AssignedAction = ActionRow & { timing: Timing };

/** Actions due within this many days of today are marked as due soon. */
export const DUE_SOON_DAYS = 14;
function timingOf(dueOn: string | null, today: string): Timing {
  if (!dueOn) return 'undated';
  if (dueOn < today) return 'overdue';
  const soon = addDaysTo(new Date(`${today}T12:00:00Z`), DUE_SOON_DAYS)
    .toISOString()
    .slice(0, 10);
  return dueOn <= soon ? 'dueSoon' : 'later';
}

/**
 * Everything assigned to the person still to do and still theirs to open, soonest due first (undated
 * last). `today` is the date in Wales ('YYYY-MM-DD', todayInWales from the clock). With their role
 * assignments in hand (the signed-in reader) access is asked of those; with only an id (a calendar
 * feed), of the role assignments table.
 */
export async function actionsAssignedTo(
  db: Db,
  person: { id: string; assignments?: readonly RoleAssignment[] },
  today: string,
): Promise<AssignedAction[]> {
  const rows = person.assignments
    ? await reusedActionsToDo(
        db,
        'actions_assigned_to_reader',
        () => {
          const reach = readerReach();
          const owner = (kind: ActionTable) => sql`${ACTION_COLUMNS[kind].owner} = ${sql.placeholder('userId')}::uuid`;
          return Object.fromEntries(ACTION_KINDS.map((kind) => [kind, and(owner(kind), reach[kind])!])) as Record<
            ActionTable,
            SQL
          >;
        },
        reachValues({ id: person.id, assignments: person.assignments }),
      )
    : await actionsToDo(
        db,
        everyKind((c) => and(eq(c.owner, person.id), c.mayOpen(person.id))),
      );
  return rows
    .map((a) => ({ ...a, timing: timingOf(a.dueOn, today) }))
    .sort(
      (a, b) =>
        (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || a.description.localeCompare(b.description),
    );
}
