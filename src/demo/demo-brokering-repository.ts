import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo's brokering: plain rows, no rules (the demo is the rules' input). */
export const insertBrokering = {
  profiles: (db: Db, v: (typeof s.schoolProfiles.$inferInsert)[]) => db.insert(s.schoolProfiles).values(v),
  findings: (db: Db, v: (typeof s.findings.$inferInsert)[]) => db.insert(s.findings).values(v),
  findingEvidence: (db: Db, v: (typeof s.findingEvidence.$inferInsert)[]) =>
    db.insert(s.findingEvidence).values(v).onConflictDoNothing(),
  offers: (db: Db, v: (typeof s.supportOffers.$inferInsert)[]) => db.insert(s.supportOffers).values(v),
  request: async (db: Db, v: typeof s.supportRequests.$inferInsert) =>
    (await db.insert(s.supportRequests).values(v).returning({ id: s.supportRequests.id }))[0]!.id,
  agreement: (db: Db, v: typeof s.supportAgreements.$inferInsert) => db.insert(s.supportAgreements).values(v),
};
