import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  collaboratives,
  laPartnershipMembers,
  schools,
} from '../db/schema/index.ts';
import { isUuid } from '../lib/request-schemas.ts';

/** A collaborative with what its policy needs: member schools and their LAs, and its facilitators. */
export async function findCollaborative(db: Db, id: string) {
  return (await findCollaboratives(db, [id]))[0] ?? null;
}

/**
 * Collaboratives by id, each with its member schools, their LAs and its facilitators, in one
 * statement (a page with links into several collaboratives decides them all at once).
 */
export async function findCollaboratives(db: Db, ids: readonly string[]) {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (!wanted.length) return [];
  // Every collaborative page, and the homes' links into collaboratives, ask: built once (src/db/reused-query.ts).
  return reused(db, 'collaboratives_by_id', (db) =>
    db
      .select({
        ...getTableColumns(collaboratives),
        memberSchools: sql<string[]>`coalesce((select array_agg(m.school_number order by m.school_number)
        from ${collaborativeMembers} m where m.collaborative_id = ${collaboratives.id}), '{}')`,
        memberLaCodes: sql<string[]>`coalesce((select array_agg(distinct s.la_code order by s.la_code)
        from ${collaborativeMembers} m join ${schools} s on s.number = m.school_number
        where m.collaborative_id = ${collaboratives.id}), '{}')`,
        facilitatorIds: sql<string[]>`coalesce((select array_agg(f.user_id::text order by f.user_id)
        from ${collaborativeFacilitators} f where f.collaborative_id = ${collaboratives.id}), '{}')`,
      })
      .from(collaboratives)
      .where(sql`${collaboratives.id} = any(${sql.placeholder('ids')}::uuid[])`),
  ).execute({ ids: wanted });
}
export type CollaborativeRecord = Awaited<ReturnType<typeof findCollaboratives>>[number];

/** The LAs of the given partnerships. */
export async function partnershipLaCodes(db: Db, partnershipIds: string[]): Promise<string[]> {
  const ids = partnershipIds.filter(isUuid);
  if (!ids.length) return [];
  const rows = await db
    .selectDistinct({ laCode: laPartnershipMembers.laCode })
    .from(laPartnershipMembers)
    .where(inArray(laPartnershipMembers.partnershipId, ids));
  return rows.map((r) => r.laCode);
}
