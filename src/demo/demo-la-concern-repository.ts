import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo's schools causing concern: plain rows, no rules (the demo is the rules' input). */
export const insertConcern = {
  case: async (db: Db, v: typeof s.concernCases.$inferInsert) => {
    const [row] = await db.insert(s.concernCases).values(v).returning({ id: s.concernCases.id });
    return row!.id;
  },
  notice: (db: Db, v: typeof s.warningNotices.$inferInsert) => db.insert(s.warningNotices).values(v),
  interventions: (db: Db, v: (typeof s.concernInterventions.$inferInsert)[]) =>
    db.insert(s.concernInterventions).values(v),
  supportItems: (db: Db, v: (typeof s.concernSupportItems.$inferInsert)[]) =>
    db.insert(s.concernSupportItems).values(v),
};
