import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { nationalSupportOffers } from '../../db/schema/index.ts';

export type SupportOffer = typeof nationalSupportOffers.$inferSelect;
export type SupportValues = Pick<
  SupportOffer,
  | 'kind'
  | 'titleEn'
  | 'titleCy'
  | 'descriptionEn'
  | 'descriptionCy'
  | 'nationalPriorities'
  | 'programmeCode'
  | 'url'
  | 'publishedOn'
>;

/** Every offer: current ones first, newest first. */
export async function listOffers(db: Db) {
  return db
    .select()
    .from(nationalSupportOffers)
    .orderBy(
      sql`${nationalSupportOffers.withdrawnOn} is not null`,
      sql`${nationalSupportOffers.publishedOn} desc`,
      asc(nationalSupportOffers.titleEn),
    );
}

export async function findOffer(db: Db, id: string) {
  const [row] = await db.select().from(nationalSupportOffers).where(eq(nationalSupportOffers.id, id));
  return row ?? null;
}

export async function insertOffer(db: Db, values: SupportValues, createdBy: string) {
  const [row] = await db
    .insert(nationalSupportOffers)
    .values({ ...values, createdBy })
    .returning();
  return row!;
}

/** Saves only if nobody saved since `version`; null when someone did. */
export async function updateOffer(db: Db, id: string, version: number, values: SupportValues, now: Date) {
  const [row] = await db
    .update(nationalSupportOffers)
    .set({ ...values, version: sql`${nationalSupportOffers.version} + 1`, updatedAt: now })
    .where(and(eq(nationalSupportOffers.id, id), eq(nationalSupportOffers.version, version)))
    .returning();
  return row ?? null;
}

/** Withdraws (a date) or reinstates (null); null when the offer was already in that state. */
export async function setOfferWithdrawn(db: Db, id: string, withdrawnOn: string | null, now: Date) {
  const [row] = await db
    .update(nationalSupportOffers)
    .set({ withdrawnOn, version: sql`${nationalSupportOffers.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(nationalSupportOffers.id, id),
        withdrawnOn ? isNull(nationalSupportOffers.withdrawnOn) : sql`${nationalSupportOffers.withdrawnOn} is not null`,
      ),
    )
    .returning();
  return row ?? null;
}
