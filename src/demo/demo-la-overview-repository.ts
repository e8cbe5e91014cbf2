import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Plain inserts for the LA overview's demo data. A share another loader already made is kept as it is. */
export const insertLaOverviewDemo = {
  shares: (db: Db, v: (typeof s.shares.$inferInsert)[]) => db.insert(s.shares).values(v).onConflictDoNothing(),
  actions: (db: Db, v: (typeof s.planActions.$inferInsert)[]) => db.insert(s.planActions).values(v),
};
