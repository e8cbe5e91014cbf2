import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts and look-ups for the Wales-wide demo of partnerships and good practice: plain rows, no rules. */
export const demoWales = {
  partnershipNamed: async (db: Db, nameEn: string) =>
    (await db.select({ id: s.laPartnerships.id }).from(s.laPartnerships).where(eq(s.laPartnerships.nameEn, nameEn)))[0]
      ?.id ?? null,
  partnership: async (db: Db, v: typeof s.laPartnerships.$inferInsert, laCodes: string[]) => {
    const [row] = await db.insert(s.laPartnerships).values(v).returning({ id: s.laPartnerships.id });
    await db.insert(s.laPartnershipMembers).values(laCodes.map((laCode) => ({ partnershipId: row!.id, laCode })));
    return row!.id;
  },
  staff: (db: Db, v: (typeof s.laPartnershipStaff.$inferInsert)[]) => db.insert(s.laPartnershipStaff).values(v),
  /** Open schools of these LAs that belong to a demo collaborative, by name (the schools the demo tells stories about). */
  collaborativeSchools: (db: Db, laCodes: string[]) =>
    db
      .selectDistinct({
        number: s.schools.number,
        name: s.schools.name,
        laCode: s.schools.laCode,
        sector: s.schools.sector,
      })
      .from(s.collaborativeMembers)
      .innerJoin(s.schools, eq(s.schools.number, s.collaborativeMembers.schoolNumber))
      .where(and(inArray(s.schools.laCode, laCodes)))
      .orderBy(asc(s.schools.name)),
  caseStudies: (db: Db, v: (typeof s.caseStudies.$inferInsert)[]) => db.insert(s.caseStudies).values(v),
};
