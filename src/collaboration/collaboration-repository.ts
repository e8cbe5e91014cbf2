import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
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
  const [row] = await db.select().from(collaboratives).where(eq(collaboratives.id, id));
  if (!row) return null;
  const [members, facilitators] = await Promise.all([
    db
      .select({ number: schools.number, laCode: schools.laCode })
      .from(collaborativeMembers)
      .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
      .where(eq(collaborativeMembers.collaborativeId, id)),
    db
      .select({ userId: collaborativeFacilitators.userId })
      .from(collaborativeFacilitators)
      .where(eq(collaborativeFacilitators.collaborativeId, id)),
  ]);
  return {
    ...row,
    memberSchools: members.map((m) => m.number),
    memberLaCodes: [...new Set(members.map((m) => m.laCode))],
    facilitatorIds: facilitators.map((f) => f.userId),
  };
}
export type CollaborativeRecord = NonNullable<Awaited<ReturnType<typeof findCollaborative>>>;

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
