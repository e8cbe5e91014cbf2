import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { collaborativeMembers, collaboratives, roleAssignments, schools, users } from '../db/schema/index.ts';

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function countSchools(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(schools);
  return row?.count ?? 0;
}

export async function insertDemoUser(
  db: Db,
  user: { email: string; displayName: string; preferredLanguage: string; passwordHash: string },
  assignments: { role: string; scopeType: string; scopeId: string | null }[],
) {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  if (assignments.length) await db.insert(roleAssignments).values(assignments.map((a) => ({ ...a, userId: row!.id })));
  return row!.id;
}

export async function insertCollaborative(
  db: Db,
  values: { kind: string; nameEn: string; nameCy: string; laCode: string | null },
  memberNumbers: string[],
): Promise<string> {
  const [row] = await db.insert(collaboratives).values(values).returning({ id: collaboratives.id });
  await db
    .insert(collaborativeMembers)
    .values(memberNumbers.map((schoolNumber) => ({ collaborativeId: row!.id, schoolNumber })));
  return row!.id;
}
