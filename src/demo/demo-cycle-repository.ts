import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/** Inserts for the demo school's improvement cycles: plain rows, no rules (the demo is the rules' input). */
export const insertDemo = {
  cycle: (db: Db, v: typeof s.cycles.$inferInsert) => db.insert(s.cycles).values(v),
  evidence: (db: Db, v: (typeof s.evidence.$inferInsert)[]) => db.insert(s.evidence).values(v),
  findings: (db: Db, v: (typeof s.findings.$inferInsert)[]) => db.insert(s.findings).values(v),
  findingEvidence: (db: Db, v: (typeof s.findingEvidence.$inferInsert)[]) => db.insert(s.findingEvidence).values(v),
  priorities: (db: Db, v: (typeof s.priorities.$inferInsert)[]) => db.insert(s.priorities).values(v),
  priorityFindings: (db: Db, v: (typeof s.priorityFindings.$inferInsert)[]) => db.insert(s.priorityFindings).values(v),
  criteria: (db: Db, v: (typeof s.successCriteria.$inferInsert)[]) => db.insert(s.successCriteria).values(v),
  actions: (db: Db, v: (typeof s.planActions.$inferInsert)[]) => db.insert(s.planActions).values(v),
  actionCosts: (db: Db, v: (typeof s.planActionCosts.$inferInsert)[]) => db.insert(s.planActionCosts).values(v),
  plan: (db: Db, v: typeof s.developmentPlans.$inferInsert) => db.insert(s.developmentPlans).values(v),
  revision: (db: Db, v: typeof s.planRevisions.$inferInsert) => db.insert(s.planRevisions).values(v),
  outline: (db: Db, v: (typeof s.planOutlinePriorities.$inferInsert)[]) => db.insert(s.planOutlinePriorities).values(v),
  outlineActions: (db: Db, v: (typeof s.planOutlineActions.$inferInsert)[]) =>
    db.insert(s.planOutlineActions).values(v),
  review: (db: Db, v: typeof s.impactReviews.$inferInsert) => db.insert(s.impactReviews).values(v),
  figures: (db: Db, v: (typeof s.impactGroupFigures.$inferInsert)[]) => db.insert(s.impactGroupFigures).values(v),
  impactEvidence: (db: Db, v: (typeof s.impactEvidence.$inferInsert)[]) => db.insert(s.impactEvidence).values(v),
  shares: (db: Db, v: (typeof s.shares.$inferInsert)[]) => db.insert(s.shares).values(v),
};
