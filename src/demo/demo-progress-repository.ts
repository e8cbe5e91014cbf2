import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo school's progress reviews: plain rows, no rules (the demo is the rules' input). */
export const insertDemoProgress = {
  reviews: (db: Db, v: (typeof s.progressReviews.$inferInsert)[]) => db.insert(s.progressReviews).values(v),
  evidence: (db: Db, v: (typeof s.progressReviewEvidence.$inferInsert)[]) =>
    db.insert(s.progressReviewEvidence).values(v),
};
