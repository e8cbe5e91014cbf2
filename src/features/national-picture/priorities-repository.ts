import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { nationalPriorities, nationalSupportOffers, professionalLearningProgrammes } from '../../db/schema/index.ts';

export type NationalPriority = typeof nationalPriorities.$inferSelect;
export type NationalPriorityValues = Omit<NationalPriority, 'code' | 'withdrawnOn'>;
export type Programme = typeof professionalLearningProgrammes.$inferSelect;

/** Every national priority, current ones first (main before supporting), then the withdrawn. */
export async function listPriorities(db: Db) {
  return db
    .select()
    .from(nationalPriorities)
    .orderBy(
      sql`${nationalPriorities.withdrawnOn} is not null`,
      asc(nationalPriorities.supporting),
      asc(nationalPriorities.publishedOn),
      asc(nationalPriorities.code),
    );
}

/** The priorities WG asks for now: what schools and LAs are offered to link to. */
export async function currentPriorities(db: Db) {
  return db
    .select()
    .from(nationalPriorities)
    .where(isNull(nationalPriorities.withdrawnOn))
    .orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.publishedOn), asc(nationalPriorities.code));
}

export async function findPriority(db: Db, code: string) {
  const [row] = await db.select().from(nationalPriorities).where(eq(nationalPriorities.code, code));
  return row ?? null;
}

/** Locks the row for the rest of the transaction, so two saves cannot both pass the same check. */
export async function findPriorityForUpdate(db: Db, code: string) {
  const [row] = await db.select().from(nationalPriorities).where(eq(nationalPriorities.code, code)).for('update');
  return row ?? null;
}

/** Inserts unless the code is taken; null when it is. */
export async function insertPriority(db: Db, code: string, values: NationalPriorityValues) {
  const [row] = await db
    .insert(nationalPriorities)
    .values({ code, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updatePriority(db: Db, code: string, values: NationalPriorityValues) {
  const [row] = await db.update(nationalPriorities).set(values).where(eq(nationalPriorities.code, code)).returning();
  return row!;
}

/** Sets or clears the withdrawal date; null when nothing changed (already in that state). */
export async function setPriorityWithdrawn(db: Db, code: string, withdrawnOn: string | null) {
  const [row] = await db
    .update(nationalPriorities)
    .set({ withdrawnOn })
    .where(
      and(
        eq(nationalPriorities.code, code),
        withdrawnOn ? isNull(nationalPriorities.withdrawnOn) : sql`${nationalPriorities.withdrawnOn} is not null`,
      ),
    )
    .returning();
  return row ?? null;
}

/** The national professional learning programmes, by name. */
export async function nationalProgrammes(db: Db) {
  return db
    .select()
    .from(professionalLearningProgrammes)
    .where(eq(professionalLearningProgrammes.national, true))
    .orderBy(asc(professionalLearningProgrammes.code));
}

export async function allProgrammes(db: Db) {
  return db.select().from(professionalLearningProgrammes).orderBy(asc(professionalLearningProgrammes.code));
}

/** Offers not withdrawn, newest first: the published page groups them under their priorities. */
export type Offer = typeof nationalSupportOffers.$inferSelect;

export async function currentOffers(db: Db) {
  return db
    .select()
    .from(nationalSupportOffers)
    .where(isNull(nationalSupportOffers.withdrawnOn))
    .orderBy(sql`${nationalSupportOffers.publishedOn} desc`, asc(nationalSupportOffers.titleEn));
}
