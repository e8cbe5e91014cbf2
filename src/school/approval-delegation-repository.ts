// The governors a governing body delegated to record its approval of the development plan
// (src/policy/governing-body-policy.ts: approvePlan), as the chair or the clerk recorded them.
import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { approvalDelegations, roleAssignments, users } from '../db/schema/index.ts';

/** Whether this person holds a current delegation from this body (the scope loader asks, for governors only). */
export async function isDelegated(db: Db, governingBodyId: string, userId: string): Promise<boolean> {
  // Every governor's school and governing-body pages ask: built once (src/db/reused-query.ts).
  const [row] = await reused(db, 'is_delegated', (db) =>
    db
      .select({ id: approvalDelegations.id })
      .from(approvalDelegations)
      .where(
        and(
          eq(approvalDelegations.governingBodyId, sql.placeholder('governingBodyId')),
          eq(approvalDelegations.userId, sql.placeholder('userId')),
          isNull(approvalDelegations.revokedAt),
        ),
      ),
  ).execute({ governingBodyId, userId });
  return !!row;
}

/** The body's current delegations, by name. */
export async function currentDelegations(db: Db, governingBodyId: string) {
  return db
    .select({
      id: approvalDelegations.id,
      userId: users.id,
      displayName: users.displayName,
      since: approvalDelegations.createdAt,
    })
    .from(approvalDelegations)
    .innerJoin(users, eq(users.id, approvalDelegations.userId))
    .where(and(eq(approvalDelegations.governingBodyId, governingBodyId), isNull(approvalDelegations.revokedAt)))
    .orderBy(asc(users.displayName));
}

/** The body's people in each of the roles given, on `today` (YYYY-MM-DD), active accounts only, by name. */
export async function bodyPeople(db: Db, governingBodyId: string, roles: string[], today: string) {
  return db
    .selectDistinct({ userId: users.id, displayName: users.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.scopeType, 'governing_body'),
        eq(roleAssignments.scopeId, governingBodyId),
        inArray(roleAssignments.role, roles),
        eq(users.active, true),
        or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** Null when the governor already holds a current delegation (the partial unique index decides). */
export async function insertDelegation(
  db: Db,
  values: { governingBodyId: string; userId: string; createdBy: string | null },
) {
  const [row] = await db
    .insert(approvalDelegations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: approvalDelegations.id });
  return row ?? null;
}

/** Ends a current delegation of this body; null when there was none. */
export async function revokeDelegation(db: Db, governingBodyId: string, id: string, revokedBy: string, now: Date) {
  const [row] = await db
    .update(approvalDelegations)
    .set({ revokedBy, revokedAt: now })
    .where(
      and(
        eq(approvalDelegations.id, id),
        eq(approvalDelegations.governingBodyId, governingBodyId),
        isNull(approvalDelegations.revokedAt),
      ),
    )
    .returning({ id: approvalDelegations.id, userId: approvalDelegations.userId });
  return row ?? null;
}
