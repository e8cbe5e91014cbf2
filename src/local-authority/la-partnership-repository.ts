// An LA partnership and its member LAs, as the partnership scope loads it
// (src/access/loaders/partnership.ts). Lists and changes are the partnerships feature's.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { laPartnershipMembers, laPartnerships } from '../db/schema/index.ts';

export type Partnership = typeof laPartnerships.$inferSelect;

/** A partnership's member LAs' codes, in order, as a column. */
export const memberCodes = sql<
  string[]
>`coalesce((select array_agg(m.la_code order by m.la_code) from ${laPartnershipMembers} m where m.partnership_id = ${laPartnerships.id}), '{}')`;

export async function findPartnership(db: Db, id: string) {
  const [row] = await db
    .select({ partnership: laPartnerships, laCodes: memberCodes })
    .from(laPartnerships)
    .where(eq(laPartnerships.id, id));
  return row ?? null;
}
