import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users, visions, type VISION_OWNERS } from '../../db/schema/index.ts';

export type VisionOwner = { type: (typeof VISION_OWNERS)[number]; id: string };
export type Vision = typeof visions.$inferSelect & { createdByName: string | null };
export type VisionValues = Pick<typeof visions.$inferInsert, 'text' | 'language' | 'agreedWith' | 'agreedOn'>;

/** A reasonable bound on the history shown at once; a vision is rewritten a few times a year at most. */
const HISTORY_LIMIT = 200;

const ofOwner = (owner: VisionOwner) => and(eq(visions.ownerType, owner.type), eq(visions.ownerId, owner.id));
const withAuthor = { ...getTableColumns(visions), createdByName: users.displayName };

/** Every saved version, newest first (the first is the current vision). */
export async function visionHistory(db: Db, owner: VisionOwner): Promise<Vision[]> {
  return db
    .select(withAuthor)
    .from(visions)
    .leftJoin(users, eq(users.id, visions.createdBy))
    .where(ofOwner(owner))
    .orderBy(desc(visions.number))
    .limit(HISTORY_LIMIT);
}

/** The current vision: the newest version, or null when none was written. */
export async function currentVision(db: Db, owner: VisionOwner): Promise<Vision | null> {
  const [row] = await db
    .select(withAuthor)
    .from(visions)
    .leftJoin(users, eq(users.id, visions.createdBy))
    .where(ofOwner(owner))
    .orderBy(desc(visions.number))
    .limit(1);
  return row ?? null;
}

/** A new version numbered `number`; null when someone saved that number first (the unique index). */
export async function insertVision(
  db: Db,
  owner: VisionOwner,
  number: number,
  values: VisionValues,
  createdBy: string,
  now: Date,
) {
  const [row] = await db
    .insert(visions)
    .values({ ownerType: owner.type, ownerId: owner.id, number, ...values, createdBy, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}
