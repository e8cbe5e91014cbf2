import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { identityLinks, users } from '../../db/schema/index.ts';

/** The link for a provider's subject, with whether its account may still sign in. */
export async function findLink(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select({ id: identityLinks.id, userId: identityLinks.userId, active: users.active })
    .from(identityLinks)
    .innerJoin(users, eq(users.id, identityLinks.userId))
    .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, subject)));
  return row ?? null;
}

/** The new link, or null when another sign-in made the same one a moment ago. */
export async function insertLink(
  db: Db,
  link: { userId: string; issuer: string; subject: string; now: Date },
): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(identityLinks)
    .values({
      userId: link.userId,
      issuer: link.issuer,
      subject: link.subject,
      linkedAt: link.now,
      lastUsedAt: link.now,
    })
    .onConflictDoNothing()
    .returning({ id: identityLinks.id });
  return row ?? null;
}

export async function touchLink(db: Db, id: string, now: Date): Promise<void> {
  await db.update(identityLinks).set({ lastUsedAt: now }).where(eq(identityLinks.id, id));
}

export async function listLinks(db: Db, userId: string) {
  return db
    .select({
      id: identityLinks.id,
      issuer: identityLinks.issuer,
      linkedAt: identityLinks.linkedAt,
      lastUsedAt: identityLinks.lastUsedAt,
    })
    .from(identityLinks)
    .where(eq(identityLinks.userId, userId))
    .orderBy(asc(identityLinks.linkedAt), asc(identityLinks.id));
}

/** Deletes one of the person's links; null when the id names none of theirs. */
export async function deleteLink(db: Db, userId: string, id: string) {
  const [row] = await db
    .delete(identityLinks)
    .where(and(eq(identityLinks.id, id), eq(identityLinks.userId, userId)))
    .returning({ id: identityLinks.id, issuer: identityLinks.issuer, linkedAt: identityLinks.linkedAt });
  return row ?? null;
}
