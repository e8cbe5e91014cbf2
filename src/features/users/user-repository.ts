import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { localAuthorities, passwordTokens, roleAssignments, users } from '../../db/schema/index.ts';

export type UserListFilter = { q?: string | undefined; role?: string | undefined };

function listCondition(filter: UserListFilter): SQL | undefined {
  const q = filter.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    pattern ? or(ilike(users.displayName, pattern), ilike(users.email, pattern)) : undefined,
    filter.role
      ? sql`exists (select 1 from ${roleAssignments} ra where ra.user_id = ${users}.id and ra.role = ${filter.role})`
      : undefined,
  );
}

export async function listUsers(db: Db, filter: UserListFilter, page: { limit: number; offset: number }) {
  const where = listCondition(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        active: users.active,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        roles: sql<
          string[]
        >`coalesce((select array_agg(distinct ra.role order by ra.role) from ${roleAssignments} ra where ra.user_id = ${users}.id), '{}')`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName), asc(users.email))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

export async function findUser(db: Db, id: string) {
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      preferredLanguage: users.preferredLanguage,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const assignments = await db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      scopeId: roleAssignments.scopeId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, id))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.scopeId));
  return { ...user, assignments };
}

/** The account with this address, whatever its case (addresses are unique by lower case), active or not. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      preferredLanguage: users.preferredLanguage,
      active: users.active,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return !!row;
}

export async function insertUser(db: Db, values: { email: string; displayName: string; preferredLanguage: string }) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id, createdAt: users.createdAt });
  return row!;
}

export async function insertAssignment(
  db: Db,
  values: { userId: string; role: string; scopeType: string; scopeId: string | null },
) {
  const [row] = await db
    .insert(roleAssignments)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  return row ?? null;
}

export async function deleteAssignment(db: Db, userId: string, assignmentId: string) {
  const [row] = await db
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)))
    .returning();
  return row ?? null;
}

export async function setActive(db: Db, userId: string, active: boolean, now: Date) {
  await db
    .update(users)
    .set({ active, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

export async function insertPasswordToken(
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date },
  now: Date,
) {
  // A new link replaces any earlier one still waiting to be used.
  await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, values.userId), sql`${passwordTokens.usedAt} is null`));
  await db.insert(passwordTokens).values(values);
}

export async function listLocalAuthorities(db: Db) {
  return db.select().from(localAuthorities).orderBy(asc(localAuthorities.nameEn));
}
