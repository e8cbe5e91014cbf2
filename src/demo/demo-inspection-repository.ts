import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo's inspection and visions: plain rows, no rules (the demo is the rules' input). */
export const insertDemoInspection = {
  inspection: (db: Db, v: typeof s.inspections.$inferInsert) => db.insert(s.inspections).values(v),
  recommendations: (db: Db, v: (typeof s.inspectionRecommendations.$inferInsert)[]) =>
    db.insert(s.inspectionRecommendations).values(v),
  links: (db: Db, v: (typeof s.recommendationPriorities.$inferInsert)[]) =>
    db.insert(s.recommendationPriorities).values(v),
  visions: (db: Db, v: (typeof s.visions.$inferInsert)[]) => db.insert(s.visions).values(v),
};
